/**
 * AC and electronics shop. The story of seed 004: a customer settles on a portable AC and compares
 * two shops; one has a poor website with no specifications and no way to ask, the other answers
 * and offers delivery and installation, and wins.
 */
import { q, type TemplateDef } from './define';

export const retail: TemplateDef<'retail'> = {
  key: 'retail',
  model: 'five_phase',
  isCycle: false,
  stages: [
    {
      key: 'awareness',
      emotion: [-1, ['Gerah: kamar terasa panas', 'Uncomfortable: the room is hot']],
      metric: ['Jangkauan: pengunjung situs dan tayangan profil', 'Reach: website visitors and profile views'],
      actions: [
        ['Kamar panas, butuh pendingin', 'The room is hot; needs cooling'],
        ['Cari "AC portabel" di Google', 'Searches "portable AC" on Google'],
        ['Tanya pengalaman teman', 'Asks friends what they use'],
      ],
      touchpoints: [['website'], ['google_maps'], ['instagram'], ['word_of_mouth']],
      questions: [
        ['Kipas, AC split, atau AC portabel?', 'A fan, a split AC or a portable AC?'],
        ['AC portabel cukup untuk kamar kecil?', 'Is a portable AC enough for a small room?'],
        ['Kisaran harganya berapa?', 'What is the price range?'],
      ],
      painPoints: [
        ['Banyak pilihan, bingung mulai dari mana', 'Too many options, unsure where to start'],
        ['Istilah teknis (PK, BTU) membingungkan', 'Technical terms (PK, BTU) are confusing'],
      ],
      opportunities: [
        ['Artikel: memilih pendingin sesuai luas kamar', 'Article: choosing cooling by room size'],
        ['Profil Google Maps lengkap dengan foto toko', 'A complete Google Maps profile with shop photos'],
      ],
      content: [
        ['Panduan memilih AC', 'Guide to choosing an AC'],
        ['Video demo produk', 'Product demo video'],
        ['Tabel PK sesuai ukuran kamar', 'PK chart by room size'],
      ],
    },
    {
      key: 'consideration',
      emotion: [0, ['Mulai mantap memilih AC portabel', 'Settling on a portable AC']],
      metric: ['Pertanyaan masuk: chat dan telepon tentang produk', 'Inquiries: product chats and calls'],
      actions: [
        ['Pilih AC portabel: tanpa pasang yang rumit', 'Chooses a portable AC: no complicated installation'],
        ['Persempit ke beberapa merek', 'Narrows it down to a few brands'],
        ['Bandingkan situs dua toko', "Compares two shops' websites"],
      ],
      touchpoints: [['website', ['Halaman produk', 'Product pages']], ['tokopedia'], ['whatsapp', ['Tanya stok dan harga', 'Ask about stock and price']]],
      questions: [q.rightProduct, ['Kenapa harus di toko ini, bukan toko lain?', 'Why this shop and not another?'], q.waitDiscount, q.competitor],
      painPoints: [
        ['Situs toko pertama buruk, tanpa spesifikasi', "The first shop's website is poor, with no specifications"],
        ['Tidak ada cara bertanya ke toko', 'No way to ask the shop anything'],
      ],
      opportunities: [
        ['Cantumkan spesifikasi lengkap tiap produk', 'List full specifications for every product'],
        ['Tombol chat WhatsApp di setiap halaman', 'A WhatsApp chat button on every page'],
        ['Foto produk dari berbagai sisi', 'Product photos from every side'],
      ],
      content: [
        ['Lembar perbandingan spesifikasi', 'Specification comparison sheet'],
        ['Daftar harga', 'Price list'],
        ['Video demo produk', 'Product demo video'],
      ],
    },
    {
      key: 'research',
      emotion: [-1, ['Ragu: takut salah beli barang mahal', 'Unsure: afraid of a costly mistake']],
      metric: ['Pertanyaan masuk: permintaan ongkir dan pemasangan', 'Inquiries: delivery and installation requests'],
      actions: [
        ['Baca ulasan fitur berbagai merek', 'Reads feature reviews of several brands'],
        ['Cek ulasan toko di Google', "Checks the shop's Google reviews"],
        ['Tanya soal pengiriman dan pemasangan', 'Asks about delivery and installation'],
      ],
      touchpoints: [['google_maps', ['Ulasan toko', 'Shop reviews']], ['website', ['Ulasan produk', 'Product reviews']], ['whatsapp', ['Tanya ongkir dan pemasangan', 'Ask about delivery and installation']]],
      questions: [
        ['Ada garansi resmi?', 'Is there an official warranty?'],
        ['Bisa diantar dan dipasang?', 'Can you deliver and install it?'],
        ['Berapa daya listriknya?', 'How much power does it use?'],
      ],
      painPoints: [
        ['Ulasan produk sedikit', 'Few product reviews'],
        ['Info garansi tidak jelas', 'Unclear warranty information'],
      ],
      opportunities: [
        ['Tampilkan ulasan pembeli di situs', "Show buyers' reviews on the website"],
        ['Jelaskan garansi dan servis purnajual', 'Explain the warranty and after-sales service'],
        ['Balas chat dalam 15 menit', 'Answer chats within 15 minutes'],
      ],
      content: [
        ['Studi kasus: pemasangan di rumah pelanggan', "Case study: installation at a customer's home"],
        ['Testimoni pembeli', 'Buyer testimonials'],
        ['Ketentuan garansi', 'Warranty terms'],
      ],
    },
    {
      key: 'purchase',
      emotion: [2, ['Tenang: diantar dan dipasang', 'At ease: delivered and installed']],
      metric: ['Pesanan: unit terjual per bulan', 'Orders: units sold per month'],
      actions: [
        ['Pilih toko yang cepat menjawab', 'Picks the shop that answers quickly'],
        ['Bayar lewat transfer, QRIS, atau cicilan', 'Pays by transfer, QRIS or instalments'],
        ['Terima pengiriman dan pemasangan', 'Receives delivery and installation'],
      ],
      touchpoints: [['in_store'], ['website', ['Pesan online', 'Online order']], ['phone', ['Jadwal pengiriman', 'Delivery scheduling']], ['custom', ['Teknisi pemasangan', 'Installation technician']]],
      questions: [
        ['Kapan barang tiba?', 'When will it arrive?'],
        ['Ada biaya pemasangan?', 'Is installation extra?'],
        ['Bisa dicicil?', 'Can I pay in instalments?'],
      ],
      painPoints: [
        ['Jadwal kirim tidak pasti', 'Uncertain delivery time'],
        ['Biaya pasang baru disebut di akhir', 'The installation fee is mentioned only at the end'],
      ],
      opportunities: [
        ['Gratis antar dan pasang dalam kota', 'Free delivery and installation in town'],
        ['Konfirmasi jadwal lewat WA', 'Confirm the schedule on WhatsApp'],
        ['Teknisi menjelaskan cara pakai', 'The technician explains how to use it'],
      ],
      content: [
        ['Panduan pemakaian dan perawatan', 'Use and care guide'],
        ['Kartu garansi', 'Warranty card'],
      ],
    },
    {
      key: 'review',
      emotion: [1, ['Puas, kamar sejuk', 'Satisfied: the room is cool']],
      metric: ['Kepuasan dan rujukan: rating rata-rata, pembeli dari rekomendasi', 'Satisfaction and referrals: average rating, buyers from referrals'],
      actions: [
        ['Tulis ulasan di Google atau marketplace', 'Writes a review on Google or the marketplace'],
        ['Rekomendasikan toko ke keluarga', 'Recommends the shop to family'],
        ['Hubungi toko untuk servis berkala', 'Contacts the shop for regular servicing'],
      ],
      touchpoints: [['google_maps', ['Tautan ulasan', 'Review link']], ['whatsapp', ['Pengingat cuci AC', 'AC cleaning reminder']], ['word_of_mouth']],
      questions: [
        ['Kapan AC perlu dibersihkan?', 'When does the AC need cleaning?'],
        ['Ke mana kalau ada kerusakan?', 'Who do I call if it breaks?'],
      ],
      painPoints: [
        ['Sulit menghubungi toko setelah membeli', 'Hard to reach the shop after buying'],
        ['Klaim garansi berbelit', 'Warranty claims are complicated'],
      ],
      opportunities: [
        ['Kirim tautan ulasan setelah pemasangan', 'Send the review link after installation'],
        ['Paket servis berkala', 'Regular servicing package'],
        ['Satu nomor WA khusus purnajual', 'One WhatsApp number for after-sales'],
      ],
      content: [
        ['Testimoni pelanggan', 'Customer testimonials'],
        ['Kode QR ulasan', 'Review QR code'],
      ],
    },
  ],
};
