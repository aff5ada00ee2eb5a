// Passkeys on the 2FA page: django-otp-webauthn's registration script announces a new passkey
// with an event; reload the 2FA page then (it lists the passkey and shows new recovery codes).
// No inline script: this file is loaded from the portal's static files (strict CSP).
document.addEventListener("otp_webauthn.register_complete", function (event) {
  var button = event.target.closest("[data-done-url]");
  window.location.assign(button ? button.getAttribute("data-done-url") : window.location.href);
});
