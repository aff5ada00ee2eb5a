"""Fetch an attachment the uploads copy lacks from its old URL, without opening an SSRF hole.

The export decides the URLs, and an export is untrusted input (a compromised old site, or a
file edited by anyone who had it). So a URL is fetched only when:

* its scheme is ``http`` or ``https`` and its host name is on the allow-list: the export's own
  ``base_site_url``/``base_blog_url`` hosts (*default hosts*), plus the hosts Diskominfo names
  in ``PORTAL_WORDPRESS_FETCH_HOSTS`` or ``import_wordpress --fetch-host`` (*explicit hosts*);
* every address the name resolves to is a public one. A private, loopback, link-local
  (169.254.169.254, the cloud metadata service), reserved or multicast address is refused,
  unless the host is an *explicit* one (an old server on the government's own network);
  the export's own hosts never unlock it, since the export names them;
* the connection goes to the address that was checked (no second lookup a rebinding DNS
  server could answer differently); HTTPS is verified against the host name;
* a redirect is followed only to the same host (re-checked, at most ``MAX_REDIRECTS``);
* the file is at most ``PORTAL_WORDPRESS_FETCH_MAX_BYTES`` and arrives within
  ``PORTAL_WORDPRESS_FETCH_TIMEOUT`` seconds.

The caller passes what arrives through the same upload checks (``media_safety``) as a local
file. Every refusal or failure is a :class:`FetchResult` with a reason in Bahasa Indonesia,
never an exception: a missing file is reported, never fatal.
"""

import dataclasses
import http.client
import io
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

MAX_REDIRECTS = 3
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 15
USER_AGENT = "PortalPemda-WordPressImport/1"


@dataclasses.dataclass
class FetchResult:
    data: io.BytesIO | None = None
    #: Why nothing came: the policy refused the URL (``refused``) or the server did not deliver.
    reason: str = ""
    refused: bool = False


def normalise_host(host):
    host = (host or "").strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return host.encode("idna").decode("ascii") if host and not _is_ip(host) else host
    except UnicodeError:
        return host


def _is_ip(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_public_address(address):
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class RemoteFetcher:
    def __init__(self, default_hosts=(), explicit_hosts=(), *, max_bytes=None, timeout=None, resolve=None):
        self.explicit_hosts = {normalise_host(host) for host in explicit_hosts if host}
        self.allowed_hosts = {normalise_host(host) for host in default_hosts if host} | self.explicit_hosts
        self.allowed_hosts.discard("")
        self.max_bytes = max_bytes or getattr(settings, "PORTAL_WORDPRESS_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES)
        self.timeout = timeout or getattr(settings, "PORTAL_WORDPRESS_FETCH_TIMEOUT", DEFAULT_TIMEOUT)
        self.resolve = resolve or socket.getaddrinfo

    def refuse(self, reason):
        return FetchResult(reason=reason, refused=True)

    def fetch(self, url):
        """The file at ``url`` as a :class:`FetchResult` (``data`` set when it arrived)."""
        deadline = time.monotonic() + self.timeout
        first_host = None
        for _hop in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in {"http", "https"}:
                return self.refuse(_("alamat bukan http/https"))
            host = normalise_host(parts.hostname)
            if first_host is not None and host != first_host:
                return self.refuse(_("dialihkan ke host lain (%(host)s)") % {"host": host})
            first_host = host
            if host not in self.allowed_hosts:
                return self.refuse(_("host %(host)s tidak ada di daftar yang diizinkan") % {"host": host})
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
            except ValueError:
                return self.refuse(_("alamat tidak sah"))
            address, refusal = self.checked_address(host, port)
            if refusal:
                return refusal
            try:
                result, location = self.get(parts, host, address, port, deadline)
            except (OSError, http.client.HTTPException, ssl.SSLError) as error:
                return FetchResult(reason=_("gagal mengunduh: %(error)s") % {"error": str(error)[:120]})
            if location is None:
                return result
            url = urljoin(url, location)
        return self.refuse(_("terlalu banyak pengalihan"))

    def checked_address(self, host, port):
        """The address to connect to, or a refusal when the name leads inside the network."""
        try:
            infos = self.resolve(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return None, FetchResult(reason=_("nama host %(host)s tidak ditemukan") % {"host": host})
        addresses = [info[4][0] for info in infos]
        if not addresses:
            return None, FetchResult(reason=_("nama host %(host)s tidak ditemukan") % {"host": host})
        if host not in self.explicit_hosts:
            for address in addresses:
                if not is_public_address(address.split("%", 1)[0]):
                    return None, self.refuse(
                        _("host %(host)s menunjuk ke alamat jaringan dalam (%(address)s)")
                        % {"host": host, "address": address}
                    )
        return infos[0], None

    def get(self, parts, host, info, port, deadline):
        family, socktype, proto, _canonname, sockaddr = info
        remaining = max(deadline - time.monotonic(), 0.1)
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(min(remaining, self.timeout))
        try:
            sock.connect(sockaddr)
            if parts.scheme == "https":
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        except BaseException:
            sock.close()
            raise
        connection = http.client.HTTPConnection(host, port, timeout=self.timeout)
        connection.sock = sock  # already connected to the checked address
        try:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            response = connection.getresponse()
            if response.status in {301, 302, 303, 307, 308}:
                location = response.getheader("Location")
                if not location:
                    return FetchResult(reason=_("pengalihan tanpa tujuan")), None
                return None, location
            if response.status != 200:
                return FetchResult(reason=_("server menjawab HTTP %(status)d") % {"status": response.status}), None
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                return self.refuse(_("berkas lebih besar dari batas unduhan")), None
            buffer = io.BytesIO()
            while True:
                if time.monotonic() > deadline:
                    return FetchResult(reason=_("unduhan melewati batas waktu")), None
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                buffer.write(chunk)
                if buffer.tell() > self.max_bytes:
                    return self.refuse(_("berkas lebih besar dari batas unduhan")), None
            buffer.seek(0)
            return FetchResult(data=buffer), None
        finally:
            connection.close()
