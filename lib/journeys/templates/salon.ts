/** Salon or barbershop: chosen from photos of past work; the fear is a result that does not match. */
import { q, type TemplateDef } from './define';

export const salon: TemplateDef<'salon'> = {
  key: 'salon',
  model: 'five_stage',
  isCycle: true,
  stages: [
    {
      key: 'awareness',
      emotion: [0, ['Ingin tampil rapi untuk acara', 'Wants to look good for an event']],
      metric: ['Jangkauan: pengikut baru dan tayangan profil', 'Reach: new followers and profile views'],
      actions: [
        ['Lihat hasil potong dan warna rambut di Instagram', 'Sees haircut and colour results on Instagram'],
        ['Minta rekomendasi teman', 'Asks friends for a recommendation'],
        ['Cari salon terdekat di Google Maps', 'Searches Google Maps for a nearby salon'],
      ],
      touchpoints: [['instagram', ['Foto sebelum-sesudah', 'Before/after photos']], ['tiktok'], ['word_of_mouth'], ['google_maps']],
      questions: [
        ['Salon ini cocok untuk rambut seperti saya?', 'Is this salon good for hair like mine?'],
        ['Kisaran harganya berapa?', 'What is the price range?'],
        ['Ada ruang khusus untuk pelanggan berhijab?', 'Is there a private room for customers who wear a hijab?'],
      ],
      painPoints: [
        ['Tidak ada foto hasil kerja', 'No photos of past work'],
        ['Harga tidak dicantumkan', 'Prices not shown'],
      ],
      opportunities: [
        ['Unggah foto sebelum-sesudah tiap minggu', 'Post before/after photos every week'],
        ['Tampilkan daftar harga di profil', 'Show the price list on the profile'],
        ['Tonjolkan ruang privat', 'Highlight the private room'],
      ],
      content: [
        ['Galeri hasil kerja', 'Portfolio gallery'],
        ['Video tutorial perawatan rambut', 'Hair care tutorial video'],
        ['Testimoni pelanggan', 'Customer testimonials'],
      ],
    },
    {
      key: 'consideration',
      emotion: [-1, ['Ragu: takut hasilnya tidak sesuai', 'Hesitant: afraid the result will not match']],
      metric: ['Pertanyaan masuk: chat konsultasi dan booking', 'Inquiries: consultation and booking chats'],
      actions: [
        ['Kirim foto model rambut yang diinginkan', 'Sends a photo of the hairstyle they want'],
        ['Bandingkan harga dan ulasan', 'Compares prices and reviews'],
        ['Tanya jadwal kosong', 'Asks for a free slot'],
      ],
      touchpoints: [['whatsapp', ['Konsultasi dan booking', 'Consultation and booking']], ['instagram', ['DM', 'DM']], ['google_maps', ['Ulasan', 'Reviews']]],
      questions: [q.rightService, q.whyHere, q.waitDiscount, q.competitor],
      painPoints: [
        ['Balasan chat lambat', 'Slow chat replies'],
        ['Jadwal penuh tanpa pilihan lain', 'Fully booked, no alternative offered'],
        ['Harga akhir bisa beda dari perkiraan', 'The final price may differ from the quote'],
      ],
      opportunities: [
        ['Konsultasi gratis lewat WA', 'Free consultation on WhatsApp'],
        ['Kirim pilihan jam kosong', 'Offer the free time slots'],
        ['Beri kisaran harga sesuai panjang rambut', 'Quote a price range by hair length'],
      ],
      content: [
        ['Daftar harga per layanan', 'Price list per service'],
        ['Perbandingan paket perawatan', 'Treatment package comparison'],
        ['Ulasan pilihan', 'Selected reviews'],
      ],
    },
    {
      key: 'purchase',
      emotion: [2, ['Senang dan percaya diri dengan hasilnya', 'Happy and confident with the result']],
      metric: ['Pesanan: jumlah booking per minggu', 'Orders: bookings per week'],
      actions: [
        ['Datang sesuai jadwal', 'Arrives at the booked time'],
        ['Berdiskusi dengan penata rambut', 'Talks it through with the stylist'],
        ['Bayar dan memotret hasilnya', 'Pays and takes a photo of the result'],
      ],
      touchpoints: [['in_store'], ['whatsapp', ['Pengingat jadwal sehari sebelumnya', 'Reminder the day before']]],
      questions: [
        ['Berapa lama prosesnya?', 'How long will it take?'],
        ['Produk apa yang dipakai?', 'Which products are used?'],
        ['Bisa bayar pakai QRIS?', 'Can I pay with QRIS?'],
      ],
      painPoints: [
        ['Menunggu lama walau sudah booking', 'A long wait despite a booking'],
        ['Hasil tidak sesuai foto contoh', 'The result does not match the example photo'],
      ],
      opportunities: [
        ['Mulai tepat waktu', 'Start on time'],
        ['Minta pendapat pelanggan sebelum selesai', 'Check with the customer before finishing'],
        ['Tawarkan minuman saat menunggu', 'Offer a drink while they wait'],
      ],
      content: [
        ['Kartu perawatan di rumah', 'Home care card'],
        ['Daftar produk yang dipakai', 'List of products used'],
      ],
    },
    {
      key: 'retention',
      emotion: [1, ['Puas, ingin rambut tetap terawat', 'Satisfied, wants to keep the look']],
      metric: ['Pesanan ulang: pelanggan yang kembali dalam 2 bulan', 'Repeat orders: customers back within 2 months'],
      actions: [
        ['Booking lagi 4–6 minggu kemudian', 'Books again 4–6 weeks later'],
        ['Mencoba perawatan lain', 'Tries another treatment'],
        ['Beli produk perawatan', 'Buys hair care products'],
      ],
      touchpoints: [['whatsapp', ['Pengingat potong ulang', 'Time-for-a-trim reminder']], ['instagram', ['Promo pelanggan lama', 'Offers for regulars']], ['in_store']],
      questions: [
        ['Kapan sebaiknya potong lagi?', 'When should I come back?'],
        ['Ada paket hemat untuk langganan?', 'Is there a package for regulars?'],
      ],
      painPoints: [
        ['Penata favorit sudah pindah', 'Their favourite stylist has left'],
        ['Tidak ada pengingat, jadi lupa', 'No reminder, so they forget'],
      ],
      opportunities: [
        ['Kirim pengingat otomatis', 'Send automatic reminders'],
        ['Catat preferensi tiap pelanggan', "Note each customer's preferences"],
        ['Paket 5 kali perawatan', 'Five-treatment bundle'],
      ],
      content: [
        ['Kartu member', 'Loyalty card'],
        ['Tips perawatan rambut bulanan', 'Monthly hair care tips'],
      ],
    },
    {
      key: 'advocacy',
      emotion: [2, ['Senang dipuji teman', 'Pleased when friends compliment the look']],
      metric: ['Rujukan dan kepuasan: pelanggan dari rekomendasi, rating rata-rata', 'Referrals and satisfaction: referred customers, average rating'],
      actions: [
        ['Unggah foto dan tandai salon', 'Posts a photo and tags the salon'],
        ['Rekomendasikan ke teman', 'Recommends the salon to friends'],
        ['Tulis ulasan', 'Writes a review'],
      ],
      touchpoints: [['instagram', ['Tag salon', 'Tags the salon']], ['google_maps', ['Tautan ulasan', 'Review link']], ['word_of_mouth']],
      questions: [['Ada diskon kalau mengajak teman?', 'Any discount for bringing a friend?'], q.whereReview],
      painPoints: [
        ['Tidak pernah diminta memberi ulasan', 'Never asked for a review'],
        ['Tidak ada program ajak teman', 'No referral offer'],
      ],
      opportunities: [
        ['Kirim tautan ulasan setelah perawatan', 'Send the review link after each visit'],
        ['Diskon untuk pelanggan dan temannya', 'A discount for the customer and their friend'],
        ['Repost foto pelanggan (dengan izin)', "Repost customers' photos (with permission)"],
      ],
      content: [
        ['Video testimoni pelanggan', 'Customer video testimonials'],
        ['Kode QR ulasan di kasir', 'Review QR code at the counter'],
      ],
    },
  ],
};
