"""Demo step: placeholder replaced below."""


def step(stdout=None, admin_password=None, progress=None):
    return {}
