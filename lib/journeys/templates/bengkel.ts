/**
 * Car and motorbike workshop. The story of seed 004: the car will not start; the first workshop
 * does not pick up and is unavailable for days; the second comes over, diagnoses and fixes the car
 * on the spot, and wins the customer.
 */
import { q, type TemplateDef } from './define';

export const bengkel: TemplateDef<'bengkel'> = {
  key: 'bengkel',
  model: 'five_stage',
  isCycle: true,
  stages: [
    {
      key: 'awareness',
      emotion: [-1, ['Panik karena mobil mogok', 'Worried: the car will not start']],
      metric: ['Jangkauan: tayangan profil Google Maps per minggu', 'Reach: Google Maps profile views per week'],
      actions: [
        ['Mobil mogok atau bunyinya aneh', 'The car breaks down or sounds strange'],
        ['Cari bengkel terdekat di Google', 'Searches Google for a nearby workshop'],
        ['Tanya teman atau tetangga', 'Asks friends or neighbours'],
      ],
      touchpoints: [['google_maps'], ['word_of_mouth'], ['instagram', ['Video servis harian', 'Daily service videos']], ['facebook', ['Grup warga sekitar', 'Neighbourhood group']]],
      questions: [
        ['Bengkel mana yang dekat dan buka sekarang?', 'Which workshop is nearby and open now?'],
        ['Bisa datang ke rumah?', 'Can they come to my place?'],
        ['Kira-kira berapa biayanya?', 'Roughly how much will it cost?'],
      ],
      painPoints: [
        ['Profil Google Maps tanpa jam buka dan nomor', 'Google Maps profile without opening hours or number'],
        ['Sulit menilai bengkel mana yang jujur', 'Hard to tell which workshop is honest'],
      ],
      opportunities: [
        ['Lengkapi Google Maps: jam buka, foto, nomor WA', 'Complete Google Maps: hours, photos, WhatsApp number'],
        ['Minta pelanggan yang puas menulis ulasan', 'Ask happy customers for a review'],
        ['Tawarkan layanan panggilan darurat', 'Offer an emergency call-out service'],
      ],
      content: [
        ['Foto bengkel dan mekanik', 'Photos of the workshop and mechanics'],
        ['Testimoni pelanggan', 'Customer testimonials'],
        ['Video tips: kenapa mobil mogok', 'Tips video: why cars break down'],
      ],
    },
    {
      key: 'consideration',
      emotion: [-2, ['Kesal: bengkel pertama tidak mengangkat telepon', 'Frustrated: the first workshop does not pick up']],
      metric: ['Pertanyaan masuk: telepon dan chat per minggu', 'Inquiries: calls and chats per week'],
      actions: [
        ['Bandingkan dua bengkel dari ulasannya', 'Compares two workshops by their reviews'],
        ['Telepon dan ceritakan masalahnya', 'Calls and describes the problem'],
        ['Minta mekanik datang memeriksa', 'Asks for a mechanic to come and check'],
      ],
      touchpoints: [['phone'], ['whatsapp', ['Tanya harga servis', 'Ask for a service price']], ['google_maps', ['Ulasan dan rating', 'Reviews and ratings']]],
      questions: [q.rightService, q.whyHere, q.competitor, ['Kapan mekanik bisa datang?', 'When can a mechanic come?']],
      painPoints: [
        ['Bengkel pertama tidak mengangkat telepon', 'The first workshop does not pick up the phone'],
        ['Baru bisa dilayani beberapa hari lagi', 'Not available for several days'],
        ['Tidak diberi nomor bengkel lain', 'No other workshop suggested'],
      ],
      opportunities: [
        ['Balas telepon dan WA dalam 15 menit', 'Answer calls and WhatsApp within 15 minutes'],
        ['Jika penuh, beri jadwal pasti atau rujuk ke rekan', 'If fully booked, give a firm time or refer to a partner'],
        ['Pasang balasan otomatis WhatsApp Business', 'Set up WhatsApp Business auto-replies'],
      ],
      content: [
        ['Daftar harga servis', 'Service price list'],
        ['Lembar perbandingan paket servis', 'Service package comparison sheet'],
        ['Ulasan dan testimoni pelanggan', 'Reviews and customer testimonials'],
      ],
    },
    {
      key: 'purchase',
      emotion: [2, ['Lega: mekanik datang dan mobil langsung beres', 'Relieved: the mechanic came and fixed the car on the spot']],
      metric: ['Pesanan: jumlah servis per minggu', 'Orders: services per week'],
      actions: [
        ['Mekanik datang ke lokasi', 'A mechanic comes to the customer'],
        ['Mendengar penjelasan diagnosis', 'Hears the diagnosis explained'],
        ['Setuju biaya, mobil diperbaiki', 'Agrees to the cost; the car is fixed'],
        ['Bayar tunai, transfer, atau QRIS', 'Pays cash, by transfer or QRIS'],
      ],
      touchpoints: [
        ['custom', ['Mekanik datang ke lokasi', 'Mechanic visits the customer']],
        ['in_store'],
        ['whatsapp', ['Kirim nota dan foto sebelum-sesudah', 'Send the receipt and before/after photos']],
      ],
      questions: [
        ['Berapa total biayanya?', 'What is the total cost?'],
        ['Suku cadangnya asli?', 'Are the spare parts genuine?'],
        ['Ada garansi servis?', 'Is there a service warranty?'],
      ],
      painPoints: [
        ['Biaya tambahan tanpa penjelasan', 'Extra costs without explanation'],
        ['Menunggu lama tanpa kabar', 'A long wait with no update'],
        ['Tidak bisa bayar non-tunai', 'Cannot pay without cash'],
      ],
      opportunities: [
        ['Jelaskan masalah dan biaya sebelum mulai', 'Explain the problem and cost before starting'],
        ['Tunjukkan suku cadang lama yang diganti', 'Show the old parts that were replaced'],
        ['Sediakan QRIS', 'Accept QRIS'],
      ],
      content: [
        ['Nota rinci dengan garansi', 'Itemised receipt with warranty'],
        ['Foto sebelum dan sesudah', 'Before and after photos'],
        ['Daftar harga suku cadang', 'Spare parts price list'],
      ],
    },
    {
      key: 'retention',
      emotion: [1, ['Percaya, tapi bisa lupa jadwal servis', 'Trusting, but may forget the next service']],
      metric: ['Pesanan ulang: pelanggan yang kembali dalam 6 bulan', 'Repeat orders: customers back within 6 months'],
      actions: [
        ['Simpan nomor WA bengkel', "Saves the workshop's WhatsApp number"],
        ['Datang lagi untuk servis berkala', 'Comes back for regular servicing'],
        ['Bertanya saat ada keluhan baru', 'Gets in touch when a new problem appears'],
      ],
      touchpoints: [['whatsapp', ['Pengingat servis berkala', 'Regular service reminder']], ['phone'], ['in_store']],
      questions: [
        ['Kapan jadwal servis berikutnya?', 'When is the next service due?'],
        ['Garansinya masih berlaku?', 'Is the warranty still valid?'],
        ['Ada promo untuk pelanggan lama?', 'Any offer for regular customers?'],
      ],
      painPoints: [
        ['Lupa jadwal ganti oli', 'Forgets when the oil change is due'],
        ['Harus menjelaskan ulang riwayat mobil', "Has to explain the car's history again"],
      ],
      opportunities: [
        ['Catat riwayat servis tiap mobil', 'Keep a service record for each car'],
        ['Kirim pengingat lewat WhatsApp', 'Send reminders on WhatsApp'],
        ['Kartu member: diskon servis ke-5', 'Loyalty card: discount on the 5th service'],
      ],
      content: [
        ['Kartu riwayat servis', 'Service history card'],
        ['Tips perawatan mobil bulanan', 'Monthly car care tips'],
      ],
    },
    {
      key: 'advocacy',
      emotion: [2, ['Puas dan senang merekomendasikan', 'Happy and glad to recommend']],
      metric: ['Rujukan dan kepuasan: pelanggan dari rekomendasi, rating rata-rata', 'Referrals and satisfaction: referred customers, average rating'],
      actions: [
        ['Tulis ulasan di Google Maps', 'Writes a Google Maps review'],
        ['Rekomendasikan ke keluarga dan teman', 'Recommends the workshop to family and friends'],
        ['Ceritakan di grup WA', 'Tells the story in WhatsApp groups'],
      ],
      touchpoints: [['google_maps', ['Tautan ulasan', 'Review link']], ['word_of_mouth'], ['whatsapp', ['Grup keluarga dan kantor', 'Family and office groups']]],
      questions: [q.whereReview, ['Apa untungnya kalau saya mengajak teman?', 'What do I get for bringing a friend?']],
      painPoints: [
        ['Tidak pernah diminta memberi ulasan', 'Never asked for a review'],
        ['Tautan ulasan sulit dicari', 'The review link is hard to find'],
      ],
      opportunities: [
        ['Kirim tautan ulasan setelah servis', 'Send the review link after each service'],
        ['Program ajak teman: diskon untuk berdua', 'Referral offer: a discount for both'],
        ['Balas setiap ulasan', 'Reply to every review'],
      ],
      content: [
        ['Kode QR ulasan di meja kasir', 'Review QR code at the cashier'],
        ['Kisah pelanggan (studi kasus)', 'Customer story (case study)'],
      ],
    },
  ],
};
