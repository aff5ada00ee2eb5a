"""Admin URLs of the accounts app (under /admin/akun/, registered in wagtail_hooks)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("2fa/", views.TwoFactorView.as_view(), name="two_factor"),
    path("2fa/aktifkan/", views.TotpSetupView.as_view(), name="setup"),
    path("2fa/verifikasi/", views.VerifyView.as_view(), name="verify"),
    path("2fa/kode-pemulihan/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("2fa/nonaktifkan/", views.DisableTwoFactorView.as_view(), name="disable"),
    path("2fa/kunci-sandi/<int:pk>/hapus/", views.PasskeyRemoveView.as_view(), name="passkey_remove"),
    path("2fa/reset/<int:user_id>/", views.ResetUserTwoFactorView.as_view(), name="reset"),
    path("kunci-masuk/", views.LockoutListView.as_view(), name="lockouts"),
]
