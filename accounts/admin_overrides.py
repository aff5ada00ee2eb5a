"""Two Wagtail admin views replaced at their own addresses (included before Wagtail's admin URLs).

* ``/admin/password_reset/``: throttled per address and client, answering in a fixed minimum
  time (Wagtail's form setting alone cannot throttle: the form never sees the response).
* ``/admin/account/``: Wagtail's name form requires a last name; ours accepts a single name.

Both subclass Wagtail's own views; ``tests/accounts`` fail if either override is removed.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("admin/password_reset/", views.PasswordResetView.as_view()),
    path("admin/account/", views.AccountView.as_view()),
]
