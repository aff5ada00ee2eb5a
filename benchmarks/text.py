"""Vocabulary for generated content: plausible Indonesian text, deterministic for a seed."""

#: Kecamatan names used when more OPDs are asked for than the demo region describes.
DISTRICTS = [
    "Cigugur",
    "Sukahening",
    "Rajapolah",
    "Ciawi",
    "Jatiwaras",
    "Salawu",
    "Cineam",
    "Karangnunggal",
    "Bantarkalong",
    "Cipatujah",
    "Pagerageung",
    "Leuwisari",
    "Sodonghilir",
    "Taraju",
    "Manonjaya",
    "Cikatomas",
    "Parungponteng",
    "Sukaraja",
    "Padakembang",
    "Kadipaten",
    "Mangunreja",
    "Singaparna",
    "Puspahiang",
    "Gunungtanjung",
]

#: News topics for kecamatan and for any OPD: (title, lead) with ``{desa}`` and ``{opd}``.
GENERIC_TOPICS = [
    (
        "Musyawarah Perencanaan Pembangunan di Desa {desa}",
        "Warga Desa {desa} menyampaikan usulan pembangunan jalan dan irigasi kepada {opd}.",
    ),
    (
        "Pelayanan Keliling {opd} Hadir di Desa {desa}",
        "Warga dapat mengurus dokumen tanpa harus datang ke kantor {opd}.",
    ),
    (
        "Kerja Bakti Bersihkan Saluran Air di Desa {desa}",
        "Aparatur {opd} bersama warga membersihkan saluran air menjelang musim hujan.",
    ),
    (
        "Sosialisasi Program Bantuan Sosial kepada Warga {desa}",
        "Petugas {opd} menjelaskan syarat dan jadwal penyaluran bantuan.",
    ),
    (
        "Lomba Desa Tingkat Kabupaten: {desa} Wakili Kecamatan",
        "Penilaian meliputi tata kelola pemerintahan desa, kebersihan dan pelayanan warga.",
    ),
    (
        "Pelatihan Usaha Mikro bagi Ibu Rumah Tangga di {desa}",
        "Peserta belajar mengemas produk olahan dan memasarkannya secara daring.",
    ),
    (
        "Pemeriksaan Kesehatan Gratis untuk Lansia di Desa {desa}",
        "Pelayanan kesehatan dasar diberikan bersama puskesmas dan kader posyandu.",
    ),
    (
        "Rapat Koordinasi Penanganan Sampah Bersama Warga {desa}",
        "{opd} mengajak warga memilah sampah dari rumah dan membentuk bank sampah.",
    ),
]

#: Sentences mixed into news bodies; ``{opd}``, ``{desa}`` and ``{tanggal}`` are filled in.
SENTENCES = [
    "Kegiatan ini merupakan bagian dari program kerja {opd} tahun ini.",
    "Warga Desa {desa} menyambut baik kegiatan tersebut dan berharap dapat dilaksanakan secara rutin.",
    "Kepala desa menyampaikan terima kasih atas perhatian pemerintah daerah.",
    "Pelayanan diberikan tanpa biaya dan terbuka bagi seluruh masyarakat.",
    "Petugas mengingatkan warga untuk membawa dokumen persyaratan yang lengkap.",
    "Hasil kegiatan akan dievaluasi pada rapat koordinasi bulan depan.",
    "Masyarakat yang memiliki pertanyaan dapat menghubungi kantor {opd} pada jam layanan.",
    "Kegiatan berlangsung tertib dengan tetap memperhatikan kenyamanan warga.",
    "Pemerintah daerah berkomitmen meningkatkan kualitas pelayanan publik yang cepat dan transparan.",
    "Sebanyak puluhan warga hadir sejak pagi hari di balai desa.",
    "Informasi lengkap diumumkan melalui papan pengumuman desa dan media sosial resmi.",
    "Program serupa direncanakan menjangkau desa lain di wilayah kecamatan.",
]

#: A word that appears in very few generated items (benchmark "rare word" search).
RARE_WORD = "zamrud"
RARE_TOPIC = (
    "Festival Layang-layang Zamrud Meriahkan Desa {desa}",
    "Puluhan layang-layang berhias warna zamrud menghiasi langit {desa}.",
)
#: Every ``RARE_EVERY``-th generated news item is about the rare word.
RARE_EVERY = 10_007

ANNOUNCEMENT_TOPICS = [
    (
        "Jadwal Pelayanan Selama Libur Nasional",
        "Pelayanan tutup pada hari libur nasional; layanan daring tetap berjalan.",
    ),
    (
        "Penerimaan Tenaga Pendukung Administrasi",
        "Pendaftaran dibuka bagi warga yang memenuhi persyaratan pendidikan dan usia.",
    ),
    (
        "Perubahan Jam Layanan Selama Bulan Ramadan",
        "Jam layanan kantor menyesuaikan jam kerja aparatur selama bulan Ramadan.",
    ),
    ("Pemeliharaan Sistem Layanan Daring", "Layanan daring tidak dapat diakses sementara selama pemeliharaan sistem."),
]

EVENT_TOPICS = [
    ("Sosialisasi Layanan kepada Masyarakat", "Aula {opd}, Jl. Pahlawan"),
    ("Rapat Evaluasi Kinerja Triwulan", "Ruang Rapat Setda Kabupaten Contoh"),
    ("Bimbingan Teknis Aparatur Desa", "Gedung Serba Guna Kecamatan"),
    ("Forum Konsultasi Publik", "Pendopo Kabupaten Contoh"),
]
