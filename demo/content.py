"""Text of the demo region "Kabupaten Contoh": fictional, in plausible Indonesian."""

REGION = {
    "name": "Kabupaten Contoh",
    "kind": "kabupaten",
    "government_name": "Pemerintah Kabupaten Contoh",
    "tagline": "Melayani dengan Hati, Membangun Negeri",
    "address": "Jl. Jenderal Sudirman No. 1, Kota Contoh 12345",
    "phone": "(0265) 331100",
    "email": "humas@contohkab.go.id",
    "facebook_url": "https://www.facebook.com/pemkabcontoh",
    "instagram_url": "https://www.instagram.com/pemkabcontoh",
    "youtube_url": "https://www.youtube.com/@pemkabcontoh",
}

HOME_INTRO = (
    "Portal resmi Pemerintah Kabupaten Contoh: berita, layanan dan informasi publik "
    "dari seluruh perangkat daerah dalam satu tempat."
)

VILLAGES = [
    "Sukamaju",
    "Mekarsari",
    "Cibeureum",
    "Sindangrasa",
    "Karangsari",
    "Margamulya",
    "Tanjungsari",
    "Sukaresmi",
    "Cikadu",
    "Pasirjaya",
    "Sirnagalih",
    "Bojongsari",
]

#: Each OPD: name, acronym, kind, head, intro, and news topics (title, lead, paragraph).
#: ``{desa}`` in a topic is filled with a village name so that items differ.
#: ``quiet`` OPDs stopped posting months ago (they show as inactive in monitoring).
OPDS = [
    {
        "title": "Sekretariat Daerah",
        "acronym": "Setda",
        "kind": "sekretariat",
        "head_name": "Drs. H. Ahmad Suryana, M.Si.",
        "head_title": "Sekretaris Daerah",
        "intro": "Membantu Bupati dalam penyusunan kebijakan dan koordinasi perangkat daerah.",
        "topics": [
            (
                "Rapat Koordinasi Perangkat Daerah Bahas Percepatan Program Prioritas",
                "Sekda memimpin rapat koordinasi seluruh OPD untuk mempercepat program prioritas tahun ini.",
                "Setiap OPD diminta melaporkan capaian kinerja triwulan dan kendala di lapangan.",
            ),
            (
                "Upacara Hari Jadi Kabupaten Contoh Dipusatkan di Alun-alun",
                "Peringatan hari jadi kabupaten berlangsung khidmat dengan parade budaya dari {desa}.",
                "Bupati mengajak warga menjaga persatuan dan semangat gotong royong.",
            ),
            (
                "Penandatanganan Nota Kesepahaman dengan Perguruan Tinggi",
                "Pemerintah daerah menjalin kerja sama penelitian dan pengabdian masyarakat.",
                "Kerja sama mencakup pendampingan desa {desa} dan pelatihan aparatur.",
            ),
        ],
    },
    {
        "title": "Inspektorat Daerah",
        "acronym": "Inspektorat",
        "kind": "inspektorat",
        "head_name": "Ir. Dewi Lestari, M.M.",
        "head_title": "Inspektur Daerah",
        "intro": "Mengawasi penyelenggaraan pemerintahan daerah dan menangani pengaduan masyarakat.",
        "topics": [
            (
                "Inspektorat Lakukan Audit Dana Desa di Desa {desa}",
                "Pemeriksaan penggunaan dana desa dilakukan untuk memastikan akuntabilitas.",
                "Tim auditor memeriksa dokumen pertanggungjawaban dan meninjau hasil pembangunan fisik.",
            ),
            (
                "Sosialisasi Pencegahan Gratifikasi bagi Aparatur Sipil Negara",
                "ASN diingatkan untuk menolak dan melaporkan setiap pemberian yang berkaitan dengan jabatan.",
                "Inspektorat membuka kanal pelaporan gratifikasi yang menjamin kerahasiaan pelapor.",
            ),
            (
                "Evaluasi Zona Integritas Menuju Wilayah Bebas dari Korupsi",
                "Unit layanan yang diusulkan menuju WBK menjalani penilaian mandiri.",
                "Penilaian meliputi manajemen perubahan, penguatan pengawasan dan kualitas pelayanan publik.",
            ),
        ],
    },
    {
        "title": "Dinas Kesehatan",
        "acronym": "Dinkes",
        "kind": "dinas",
        "head_name": "dr. Siti Rahmawati, M.Kes.",
        "head_title": "Kepala Dinas Kesehatan",
        "intro": "Menyelenggarakan urusan kesehatan: puskesmas, imunisasi, gizi dan pencegahan penyakit.",
        "topics": [
            (
                "Posyandu Balita Serentak Digelar di Desa {desa}",
                "Ratusan balita ditimbang dan mendapat vitamin A dalam kegiatan posyandu serentak.",
                "Kader posyandu juga memberikan penyuluhan gizi seimbang untuk mencegah stunting.",
            ),
            (
                "Imunisasi Campak dan Rubela untuk Anak Sekolah Dasar",
                "Dinas Kesehatan menargetkan cakupan imunisasi di atas 95 persen.",
                "Orang tua diimbau membawa buku KIA saat imunisasi di sekolah.",
            ),
            (
                "Puskesmas {desa} Buka Layanan Kesehatan Jiwa",
                "Layanan konseling dan pemeriksaan kesehatan jiwa kini tersedia setiap Selasa.",
                "Layanan ini gratis bagi peserta BPJS Kesehatan dan warga tidak mampu.",
            ),
            (
                "Waspada Demam Berdarah, Warga Diminta Lakukan 3M Plus",
                "Kasus demam berdarah meningkat pada musim hujan.",
                "Warga diminta menguras, menutup dan mendaur ulang barang bekas serta memakai kelambu.",
            ),
        ],
    },
    {
        "title": "Dinas Pendidikan dan Kebudayaan",
        "acronym": "Disdikbud",
        "kind": "dinas",
        "head_name": "Dr. Bambang Hermawan, M.Pd.",
        "head_title": "Kepala Dinas Pendidikan dan Kebudayaan",
        "intro": "Mengelola pendidikan anak usia dini, sekolah dasar dan menengah pertama, serta kebudayaan daerah.",
        "topics": [
            (
                "Pendaftaran Peserta Didik Baru Jenjang SD dan SMP Dibuka",
                "PPDB tahun ajaran baru menggunakan jalur zonasi, afirmasi, perpindahan tugas dan prestasi.",
                "Orang tua dapat mendaftar secara daring atau datang ke sekolah tujuan.",
            ),
            (
                "Festival Seni Budaya Pelajar Tampilkan Tari Tradisional {desa}",
                "Ratusan pelajar menampilkan tari, musik dan cerita rakyat daerah.",
                "Festival ini menjadi ajang pelestarian budaya lokal di kalangan generasi muda.",
            ),
            (
                "Bantuan Beasiswa bagi Siswa Berprestasi dari Keluarga Kurang Mampu",
                "Beasiswa diberikan kepada pelajar SD dan SMP yang berprestasi.",
                "Penerima beasiswa dipilih berdasarkan data terpadu kesejahteraan sosial dan nilai rapor.",
            ),
            (
                "Rehabilitasi Ruang Kelas SD Negeri {desa} Rampung",
                "Ruang kelas yang rusak kini dapat digunakan kembali untuk belajar.",
                "Rehabilitasi dibiayai dana alokasi khusus bidang pendidikan.",
            ),
        ],
    },
    {
        "title": "Dinas Kependudukan dan Pencatatan Sipil",
        "acronym": "Disdukcapil",
        "kind": "dinas",
        "head_name": "H. Asep Saepudin, S.Sos., M.Si.",
        "head_title": "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "intro": "Melayani KTP elektronik, kartu keluarga, akta kelahiran, akta kematian dan pindah datang penduduk.",
        "topics": [
            (
                "Jemput Bola Perekaman KTP Elektronik di Desa {desa}",
                "Petugas Disdukcapil melayani perekaman KTP elektronik bagi warga yang belum merekam.",
                "Warga cukup membawa fotokopi kartu keluarga. Layanan ini gratis tanpa pungutan biaya.",
            ),
            (
                "Akta Kelahiran Kini Bisa Diurus dari Rumah Sakit",
                "Bayi yang lahir di rumah sakit langsung mendapatkan akta kelahiran dan kartu keluarga baru.",
                "Program ini memudahkan orang tua mengurus dokumen kependudukan tanpa antre.",
            ),
            (
                "Layanan Identitas Kependudukan Digital Diperluas",
                "Warga dapat mengaktifkan IKD di kantor kecamatan dan mal pelayanan publik.",
                "Identitas Kependudukan Digital memudahkan akses layanan publik dengan ponsel.",
            ),
            (
                "Pelayanan Adminduk Buka pada Hari Sabtu di {desa}",
                "Pelayanan kartu keluarga, KTP dan akta dibuka pada akhir pekan.",
                "Pelayanan Sabtu ditujukan bagi warga yang bekerja pada hari kerja.",
            ),
        ],
    },
    {
        "title": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "acronym": "DPMPTSP",
        "kind": "dinas",
        "head_name": "Rina Marlina, S.T., M.T.",
        "head_title": "Kepala DPMPTSP",
        "intro": "Melayani perizinan berusaha, persetujuan bangunan gedung dan promosi investasi daerah.",
        "topics": [
            (
                "Perizinan Berusaha Melalui OSS Didampingi Petugas",
                "Pelaku usaha mikro dibantu mendapatkan Nomor Induk Berusaha secara gratis.",
                "Petugas mendampingi pendaftaran perizinan berusaha berbasis risiko di mal pelayanan publik.",
            ),
            (
                "Sosialisasi Persetujuan Bangunan Gedung bagi Pengembang Perumahan",
                "PBG menggantikan izin mendirikan bangunan sesuai peraturan terbaru.",
                "Pengembang diminta mengajukan PBG melalui aplikasi SIMBG sebelum membangun.",
            ),
            (
                "Nilai Investasi Triwulan Ini Meningkat",
                "Realisasi penanaman modal di kabupaten naik dibanding triwulan sebelumnya.",
                "Sektor industri pengolahan dan pariwisata di {desa} menjadi penyumbang terbesar.",
            ),
            (
                "Mal Pelayanan Publik Layani Puluhan Jenis Izin",
                "Warga dapat mengurus izin usaha, izin praktik dan layanan lain di satu tempat.",
                "Mal pelayanan publik buka Senin sampai Jumat pukul 08.00 hingga 15.00.",
            ),
        ],
    },
    {
        "title": "Dinas Sosial",
        "acronym": "Dinsos",
        "kind": "dinas",
        "head_name": "Drs. Yayan Sofyan",
        "head_title": "Kepala Dinas Sosial",
        "intro": "Menangani bantuan sosial, data terpadu kesejahteraan sosial dan rehabilitasi sosial.",
        "topics": [
            (
                "Penyaluran Bantuan Sosial Sembako di Desa {desa}",
                "Keluarga penerima manfaat menerima bantuan pangan untuk tiga bulan.",
                "Penyaluran diawasi pendamping sosial agar tepat sasaran.",
            ),
            (
                "Pemutakhiran Data Terpadu Kesejahteraan Sosial Dimulai",
                "Warga yang belum terdata dapat mendaftar melalui desa atau kelurahan.",
                "DTKS menjadi dasar penyaluran bantuan sosial dan jaminan kesehatan.",
            ),
            (
                "Layanan Rehabilitasi bagi Penyandang Disabilitas",
                "Dinas Sosial menyerahkan kursi roda dan alat bantu dengar.",
                "Penyandang disabilitas di {desa} juga mendapat pelatihan keterampilan.",
            ),
        ],
    },
    {
        "title": "Dinas Tenaga Kerja",
        "acronym": "Disnaker",
        "kind": "dinas",
        "head_name": "Hendra Gunawan, S.H., M.H.",
        "head_title": "Kepala Dinas Tenaga Kerja",
        "intro": "Melayani kartu kuning (AK/I), pelatihan kerja, bursa kerja dan hubungan industrial.",
        "topics": [
            (
                "Bursa Kerja Hadirkan Ratusan Lowongan",
                "Puluhan perusahaan membuka lowongan bagi pencari kerja lulusan SMA dan SMK.",
                "Pencari kerja disarankan membawa kartu pencari kerja (kartu kuning) dan daftar riwayat hidup.",
            ),
            (
                "Pelatihan Kerja Menjahit dan Las untuk Pemuda {desa}",
                "Balai latihan kerja membuka pelatihan berbasis kompetensi tanpa biaya.",
                "Peserta yang lulus mendapat sertifikat kompetensi.",
            ),
            (
                "Pembuatan Kartu Pencari Kerja Kini Bisa Daring",
                "Kartu AK/I dapat diajukan melalui situs resmi tanpa datang ke kantor.",
                "Pemohon mengunggah KTP, ijazah dan pas foto.",
            ),
        ],
    },
    {
        "title": "Dinas Komunikasi dan Informatika",
        "acronym": "Diskominfo",
        "kind": "dinas",
        "head_name": "Agus Setiawan, S.Kom., M.T.",
        "head_title": "Kepala Dinas Komunikasi dan Informatika",
        "intro": "Mengelola portal dan situs OPD, jaringan pemerintah, statistik sektoral dan PPID Utama.",
        "topics": [
            (
                "Pelatihan Operator Situs OPD Gelombang Baru",
                "Operator situs dari seluruh OPD dilatih menulis berita dan mengelola halaman.",
                "Setiap OPD diharapkan memperbarui situsnya setidaknya sekali seminggu.",
            ),
            (
                "Wifi Gratis Hadir di Ruang Publik {desa}",
                "Titik akses internet gratis dipasang di balai desa dan taman.",
                "Warga dapat memakai internet untuk belajar dan mengurus layanan daring.",
            ),
            (
                "PPID Utama Terima Penghargaan Keterbukaan Informasi",
                "Kabupaten Contoh meraih predikat informatif dalam monitoring keterbukaan informasi publik.",
                "Permohonan informasi publik dapat diajukan melalui PPID setiap hari kerja.",
            ),
        ],
    },
    {
        "title": "Badan Perencanaan Pembangunan Daerah",
        "acronym": "Bappeda",
        "kind": "badan",
        "head_name": "Dr. Ir. Wawan Kurniawan, M.T.",
        "head_title": "Kepala Bappeda",
        "intro": "Menyusun perencanaan pembangunan daerah: RPJMD, RKPD dan musrenbang.",
        "topics": [
            (
                "Musrenbang Kecamatan Tampung Usulan Warga {desa}",
                "Warga mengusulkan perbaikan jalan, irigasi dan posyandu.",
                "Usulan prioritas akan dibahas dalam musrenbang kabupaten.",
            ),
            (
                "Konsultasi Publik Rancangan RKPD Tahun Depan",
                "Masyarakat diajak memberi masukan atas rencana kerja pemerintah daerah.",
                "Masukan dapat disampaikan langsung atau melalui surel Bappeda.",
            ),
            (
                "Penurunan Angka Kemiskinan Dibahas dalam Forum Perangkat Daerah",
                "Forum membahas program terpadu penanggulangan kemiskinan.",
                "Data kemiskinan per desa digunakan untuk menentukan sasaran program.",
            ),
        ],
    },
    {
        "title": "Badan Pengelolaan Keuangan dan Aset Daerah",
        "acronym": "BPKAD",
        "kind": "badan",
        "head_name": "Hj. Nurhayati, S.E., M.Ak.",
        "head_title": "Kepala BPKAD",
        "intro": "Mengelola anggaran, perbendaharaan, akuntansi dan aset milik daerah.",
        "topics": [
            (
                "Laporan Keuangan Pemerintah Daerah Raih Opini WTP",
                "BPK memberikan opini Wajar Tanpa Pengecualian atas laporan keuangan daerah.",
                "Opini WTP diraih berkat tertibnya penatausahaan keuangan dan aset.",
            ),
            (
                "Inventarisasi Aset Tanah Milik Daerah di {desa}",
                "Tim BPKAD mendata dan memasang patok batas aset tanah.",
                "Sertifikasi aset mencegah sengketa dan pemanfaatan tanpa izin.",
            ),
            (
                "Realisasi APBD Semester Pertama Capai Target",
                "Pendapatan dan belanja daerah terserap sesuai rencana.",
                "Ringkasan APBD dipublikasikan sebagai informasi berkala.",
            ),
        ],
    },
    {
        "title": "Badan Penanggulangan Bencana Daerah",
        "acronym": "BPBD",
        "kind": "badan",
        "head_name": "Kolonel (Purn.) Dadang Suherman",
        "head_title": "Kepala Pelaksana BPBD",
        "intro": "Menangani kesiapsiagaan, tanggap darurat dan rehabilitasi pascabencana.",
        "topics": [
            (
                "Simulasi Evakuasi Gempa di Sekolah {desa}",
                "Pelajar berlatih menyelamatkan diri saat gempa terjadi.",
                "Setiap sekolah diminta memiliki jalur dan titik kumpul evakuasi.",
            ),
            (
                "Siaga Banjir dan Longsor pada Puncak Musim Hujan",
                "BPBD menetapkan status siaga darurat banjir dan tanah longsor.",
                "Warga di bantaran sungai diminta waspada dan menghubungi pusat pengendalian operasi.",
            ),
            (
                "Bantuan Logistik untuk Korban Angin Puting Beliung",
                "Puluhan rumah rusak akibat angin kencang di {desa}.",
                "BPBD menyalurkan terpal, makanan siap saji dan selimut.",
            ),
        ],
    },
    {
        "title": "Badan Kesatuan Bangsa dan Politik",
        "acronym": "Kesbangpol",
        "kind": "badan",
        "head_name": "Drs. Ujang Rahmat",
        "head_title": "Kepala Badan Kesbangpol",
        "intro": "Membina wawasan kebangsaan, organisasi kemasyarakatan dan kewaspadaan dini.",
        "quiet": True,
        "topics": [
            (
                "Pendidikan Wawasan Kebangsaan bagi Pemuda {desa}",
                "Pemuda diajak memperkuat nilai Pancasila dan kebinekaan.",
                "Kegiatan diisi diskusi dan kunjungan ke situs sejarah.",
            ),
            (
                "Pendataan Organisasi Kemasyarakatan",
                "Ormas diminta memperbarui surat keterangan terdaftar.",
                "Pendaftaran dilayani di kantor Kesbangpol.",
            ),
        ],
    },
    {
        "title": "Satuan Polisi Pamong Praja",
        "acronym": "SatpolPP",
        "kind": "satuan",
        "head_name": "Endang Kurnia, S.IP.",
        "head_title": "Kepala Satuan Polisi Pamong Praja",
        "intro": "Menegakkan peraturan daerah, ketertiban umum dan perlindungan masyarakat.",
        "topics": [
            (
                "Penertiban Reklame Tanpa Izin di Jalan Protokol",
                "Puluhan reklame liar dibongkar petugas gabungan.",
                "Pemilik reklame diminta mengurus izin sesuai peraturan daerah.",
            ),
            (
                "Patroli Ketertiban Malam di Pusat Keramaian {desa}",
                "Satpol PP meningkatkan patroli untuk menjaga ketertiban umum.",
                "Warga dapat melaporkan gangguan ketertiban melalui nomor pengaduan.",
            ),
        ],
    },
    {
        "title": "Kecamatan Sukamaju",
        "acronym": "KecSukamaju",
        "kind": "kecamatan",
        "head_name": "Rahmat Hidayat, S.STP., M.Si.",
        "head_title": "Camat Sukamaju",
        "intro": "Melayani administrasi kependudukan, perizinan sederhana dan pembinaan desa di Kecamatan Sukamaju.",
        "topics": [
            (
                "Pelayanan Surat Keterangan Tidak Mampu di Kantor Kecamatan",
                "Warga dapat mengurus SKTM dengan membawa pengantar dari desa.",
                "Layanan selesai di hari yang sama dan tidak dipungut biaya.",
            ),
            (
                "Lomba Desa Tingkat Kecamatan Diikuti Desa {desa}",
                "Penilaian meliputi administrasi, kebersihan dan inovasi desa.",
                "Desa terbaik akan mewakili kecamatan di tingkat kabupaten.",
            ),
            (
                "Gotong Royong Bersihkan Saluran Air di {desa}",
                "Warga bersama perangkat kecamatan membersihkan saluran untuk mencegah banjir.",
                "Kegiatan ini digelar rutin setiap Jumat pagi.",
            ),
        ],
    },
    {
        "title": "Kecamatan Cibeureum",
        "acronym": "KecCibeureum",
        "kind": "kecamatan",
        "head_name": "Yusuf Maulana, S.Sos.",
        "head_title": "Camat Cibeureum",
        "intro": "Melayani warga Kecamatan Cibeureum: administrasi, ketenteraman dan pemberdayaan masyarakat.",
        "quiet": True,
        "topics": [
            (
                "Rapat Minggu Kasih Bersama Kepala Desa",
                "Camat mendengar keluhan warga dan kepala desa secara langsung.",
                "Keluhan tentang jalan rusak di {desa} diteruskan ke dinas terkait.",
            ),
            (
                "Posyandu Lansia Aktif di {desa}",
                "Lansia mendapat pemeriksaan tekanan darah dan gula darah.",
                "Kegiatan dilaksanakan bersama puskesmas kecamatan.",
            ),
        ],
    },
]

PROFILE_PAGES = [
    (
        "sejarah",
        "Sejarah",
        "{title} dibentuk berdasarkan peraturan daerah tentang pembentukan dan susunan "
        "perangkat daerah Kabupaten Contoh. Sejak berdiri, {acronym} terus berbenah untuk melayani masyarakat "
        "dengan lebih cepat dan terbuka.",
    ),
    (
        "visi-misi",
        "Visi & Misi",
        "Visi: terwujudnya pelayanan {title} yang profesional, transparan dan "
        "berorientasi pada masyarakat. Misi: meningkatkan kualitas layanan, memperkuat tata kelola dan "
        "memperluas keterbukaan informasi.",
    ),
    (
        "struktur-organisasi",
        "Struktur Organisasi",
        "{acronym} dipimpin oleh {head_title} dan dibantu "
        "sekretaris, kepala bidang, kepala subbagian serta kelompok jabatan fungsional.",
    ),
    (
        "tugas-pokok-dan-fungsi",
        "Tugas Pokok dan Fungsi",
        "{title} mempunyai tugas membantu Bupati "
        "melaksanakan urusan pemerintahan yang menjadi kewenangan daerah di bidangnya. {intro}",
    ),
    (
        "kontak",
        "Kontak",
        "Alamat: {address}. Telepon: {phone}. Surel: {email}. "
        "Jam layanan: Senin–Kamis 08.00–15.30, Jumat 08.00–11.30 WIB.",
    ),
]

ANNOUNCEMENTS = [
    (
        "Jadwal Pelayanan Selama Libur Nasional",
        "Pelayanan tutup pada hari libur nasional dan cuti bersama; layanan daring tetap berjalan.",
    ),
    (
        "Pengumuman Hasil Seleksi Administrasi Tenaga Pendukung",
        "Daftar peserta yang lolos seleksi administrasi dapat dilihat di kantor dan situs ini.",
    ),
]

EVENTS = [
    ("Sosialisasi Layanan kepada Masyarakat", "Aula {acronym}, Jl. Pahlawan"),
    ("Rapat Evaluasi Kinerja Triwulan", "Ruang Rapat Setda Kabupaten Contoh"),
]
