"""The first-run page: Diskominfo sets up the region in the admin when no regional home exists."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from audit.log import record
from opd_teams.views import AdminPageMixin, DiskominfoRequiredMixin

from .forms import RegionSetupForm
from .setup import RegionSetupError, parse_opds_csv, region_exists, setup_region


class RegionSetupView(DiskominfoRequiredMixin, AdminPageMixin, FormView):
    template_name = "region_setup/setup.html"
    form_class = RegionSetupForm
    page_title = gettext_lazy("Siapkan daerah")
    header_icon = "site"

    def get(self, request, *args, **kwargs):
        if region_exists():
            messages.info(request, _("Daerah sudah disiapkan; ubah identitasnya lewat Pengaturan → Identitas daerah."))
            return redirect("wagtailadmin_home")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if region_exists():
            messages.info(request, _("Daerah sudah disiapkan; tidak ada yang diubah."))
            return redirect("wagtailadmin_home")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            opds = []
            if data.get("opds_csv"):
                try:
                    opds = parse_opds_csv(data["opds_csv"].read().decode("utf-8-sig"))
                except UnicodeDecodeError as error:
                    raise RegionSetupError(_("CSV OPD harus berpengodean UTF-8.")) from error
            result = setup_region(
                name=data["name"], kind=data["kind"], domain=data["domain"], time_zone=data["time_zone"],
                diskominfo_emails=data["diskominfo_emails"].split(), government_name=data["government_name"],
                address=data["address"], phone=data["phone"], email=data["email"], logo=data.get("logo"),
                opds=opds, user=self.request.user,
            )  # fmt: skip
        except RegionSetupError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        record("region.setup", request=self.request, target=result.site.hostname, opds=len(result.opds))
        messages.success(
            self.request,
            _("Daerah %(name)s siap: %(accounts)d akun Diskominfo diundang, %(opds)d OPD dibuat.")
            % {"name": data["name"], "accounts": len(result.invited), "opds": len(result.opds)},
        )
        return redirect("wagtailadmin_home")
