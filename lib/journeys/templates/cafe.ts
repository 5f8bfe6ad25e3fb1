/** Coffee shop (kedai kopi): found on Instagram, TikTok and Google Maps; regulars bring their friends. */
import { q, type TemplateDef } from './define';

export const cafe: TemplateDef<'cafe'> = {
  key: 'cafe',
  model: 'five_stage',
  isCycle: true,
  stages: [
    {
      key: 'awareness',
      emotion: [1, ['Penasaran melihat unggahan teman', "Curious after a friend's post"]],
      metric: ['Jangkauan: tayangan Instagram dan profil Google Maps', 'Reach: Instagram views and Google Maps profile views'],
      actions: [
        ['Lihat unggahan kopi di Instagram atau TikTok', 'Sees coffee posts on Instagram or TikTok'],
        ['Lewat di depan kedai', 'Walks past the shop'],
        ['Cari "kopi dekat sini" di Google Maps', 'Searches "coffee near me" on Google Maps'],
      ],
      touchpoints: [['instagram'], ['tiktok'], ['google_maps'], ['influencer', ['Food vlogger lokal', 'Local food vlogger']]],
      questions: [
        ['Tempatnya nyaman untuk nongkrong atau kerja?', 'Is it a good place to hang out or work?'],
        ['Menu andalannya apa?', 'What is the signature drink?'],
        ['Harganya pas di kantong?', 'Does the price fit my budget?'],
      ],
      painPoints: [
        ['Tidak ada foto menu dan harga di Google Maps', 'No menu or price photos on Google Maps'],
        ['Jam buka tidak jelas', 'Unclear opening hours'],
        ['Tidak ada info Wi-Fi dan colokan', 'No information on Wi-Fi and power sockets'],
      ],
      opportunities: [
        ['Unggah foto menu dan suasana secara rutin', 'Post menu and atmosphere photos regularly'],
        ['Kerja sama dengan food vlogger lokal', 'Work with a local food vlogger'],
        ['Papan menu yang terlihat dari jalan', 'A menu board visible from the street'],
      ],
      content: [
        ['Video singkat proses seduh', 'Short brewing video'],
        ['Foto menu dengan harga', 'Menu photos with prices'],
        ['Testimoni pengunjung', 'Visitor testimonials'],
      ],
    },
    {
      key: 'consideration',
      emotion: [0, ['Menimbang harga dan suasana', 'Weighing price and atmosphere']],
      metric: ['Pertanyaan masuk: DM, chat, dan telepon', 'Inquiries: DMs, chats and calls'],
      actions: [
        ['Bandingkan menu dan harga dengan kedai lain', 'Compares menu and prices with other cafés'],
        ['Baca ulasan dan lihat foto pengunjung', "Reads reviews and looks at visitors' photos"],
        ['Tanya lewat DM atau WA', 'Asks by DM or WhatsApp'],
      ],
      touchpoints: [['google_maps', ['Ulasan dan foto', 'Reviews and photos']], ['instagram', ['Balasan DM', 'DM replies']], ['whatsapp', ['Tanya menu dan reservasi', 'Ask about the menu and bookings']]],
      questions: [q.whyHere, q.waitDiscount, q.competitor],
      painPoints: [
        ['DM tidak dibalas', 'DMs go unanswered'],
        ['Harga di menu online berbeda dengan di kedai', 'Online menu prices differ from the shop'],
      ],
      opportunities: [
        ['Sematkan menu terbaru di profil', 'Pin the latest menu on the profile'],
        ['Promo jam sepi untuk pelanggan baru', 'Quiet-hour offer for new customers'],
        ['Balas DM dalam satu jam', 'Reply to DMs within an hour'],
      ],
      content: [
        ['Daftar harga menu', 'Menu price list'],
        ['Perbandingan paket kopi dan camilan', 'Coffee and snack bundle comparison'],
        ['Ulasan pilihan', 'Selected reviews'],
      ],
    },
    {
      key: 'purchase',
      emotion: [1, ['Senang jika kopi enak dan cepat disajikan', 'Happy when the coffee is good and served fast']],
      metric: ['Pesanan: transaksi per hari', 'Orders: transactions per day'],
      actions: [
        ['Pesan di kasir atau lewat aplikasi ojek online', 'Orders at the counter or through a delivery app'],
        ['Bayar dengan QRIS atau tunai', 'Pays by QRIS or cash'],
        ['Duduk, memotret minuman, menikmati suasana', 'Sits down, photographs the drink, enjoys the place'],
      ],
      touchpoints: [['in_store'], ['custom', ['GoFood / GrabFood', 'GoFood / GrabFood']], ['whatsapp', ['Pesan antar', 'Delivery orders']]],
      questions: [
        ['Berapa lama menunggu?', 'How long is the wait?'],
        ['Bisa kurangi gula?', 'Can I have less sugar?'],
        ['Bisa bayar pakai QRIS?', 'Can I pay with QRIS?'],
      ],
      painPoints: [
        ['Antrean panjang di jam sibuk', 'Long queue at peak hours'],
        ['Pesanan salah atau tertukar', 'Wrong or mixed-up orders'],
        ['Meja penuh', 'No free tables'],
      ],
      opportunities: [
        ['Pesan dulu lewat WA, tinggal ambil', 'Order ahead on WhatsApp, then just pick up'],
        ['Panggil nama pelanggan saat pesanan siap', "Call the customer's name when the order is ready"],
        ['Kode QRIS di setiap meja', 'A QRIS code on every table'],
      ],
      content: [
        ['Menu dengan foto dan harga', 'Menu with photos and prices'],
        ['Kode QR menu di meja', 'Menu QR code on the table'],
      ],
    },
    {
      key: 'retention',
      emotion: [1, ['Nyaman, merasa dikenal barista', 'Comfortable, known by the barista']],
      metric: ['Pesanan ulang: pelanggan yang datang 2 kali atau lebih sebulan', 'Repeat orders: customers visiting twice or more a month'],
      actions: [
        ['Datang lagi di jam yang sama', 'Comes back at the same time of day'],
        ['Mencoba menu baru', 'Tries new drinks'],
        ['Kumpulkan stempel kartu member', 'Collects loyalty stamps'],
      ],
      touchpoints: [['in_store'], ['instagram', ['Info menu baru', 'New menu announcements']], ['whatsapp', ['Pesan ulang langganan', 'Regular reorders']]],
      questions: [
        ['Ada menu baru bulan ini?', 'Anything new this month?'],
        ['Ada promo untuk pelanggan tetap?', 'Any offer for regulars?'],
      ],
      painPoints: [
        ['Rasa kopi tidak konsisten', 'The coffee tastes different each time'],
        ['Promo hanya untuk pelanggan baru', 'Offers only for new customers'],
      ],
      opportunities: [
        ['Kartu stempel: gelas ke-10 gratis', 'Stamp card: 10th cup free'],
        ['Ingat pesanan favorit pelanggan', "Remember regulars' usual order"],
        ['Resep baku untuk semua barista', 'Standard recipes for every barista'],
      ],
      content: [
        ['Kartu member', 'Loyalty card'],
        ['Kalender menu musiman', 'Seasonal menu calendar'],
      ],
    },
    {
      key: 'advocacy',
      emotion: [2, ['Bangga mengajak teman ke kedai langganan', 'Proud to bring friends to their café']],
      metric: ['Rujukan dan kepuasan: tag di media sosial, rating Google', 'Referrals and satisfaction: social media tags, Google rating'],
      actions: [
        ['Unggah foto dan tandai akun kedai', 'Posts a photo and tags the café'],
        ['Ajak teman nongkrong', 'Brings friends along'],
        ['Tulis ulasan di Google Maps', 'Writes a Google Maps review'],
      ],
      touchpoints: [['instagram', ['Tag dan repost', 'Tags and reposts']], ['google_maps', ['Tautan ulasan', 'Review link']], ['word_of_mouth']],
      questions: [q.whereReview, ['Ada hadiah kalau mengajak teman?', 'Is there a reward for bringing friends?']],
      painPoints: [
        ['Tidak ada sudut foto yang menarik', 'No nice spot for photos'],
        ['Tidak pernah diminta memberi ulasan', 'Never asked for a review'],
      ],
      opportunities: [
        ['Repost foto pelanggan', "Repost customers' photos"],
        ['Kode QR ulasan di meja', 'Review QR code on the tables'],
        ['Promo ajak teman: dua kopi lebih hemat', 'Bring-a-friend offer: two coffees for less'],
      ],
      content: [
        ['Testimoni pelanggan tetap', "Regulars' testimonials"],
        ['Kode QR ulasan', 'Review QR code'],
      ],
    },
  ],
};
