/** Wash-and-fold laundry: price per kilo, pick-up, and trust that nothing gets lost. */
import { q, type TemplateDef } from './define';

export const laundry: TemplateDef<'laundry'> = {
  key: 'laundry',
  model: 'five_stage',
  isCycle: true,
  stages: [
    {
      key: 'awareness',
      emotion: [-1, ['Repot: cucian menumpuk', 'Stressed: the washing is piling up']],
      metric: ['Jangkauan: tayangan profil Google Maps', 'Reach: Google Maps profile views'],
      actions: [
        ['Cucian menumpuk, tidak sempat mencuci', 'Washing piles up, no time to do it'],
        ['Cari laundry kiloan terdekat', 'Looks for a nearby laundry that charges by the kilo'],
        ['Lihat spanduk di jalan', 'Sees a banner on the street'],
      ],
      touchpoints: [['google_maps'], ['word_of_mouth'], ['custom', ['Spanduk depan toko', 'Shopfront banner']], ['facebook', ['Grup warga atau kos', 'Neighbourhood or boarding-house group']]],
      questions: [
        ['Harga per kilo berapa?', 'What is the price per kilo?'],
        ['Bisa antar-jemput?', 'Do you pick up and deliver?'],
        ['Berapa lama selesai?', 'How long does it take?'],
      ],
      painPoints: [
        ['Harga tidak dicantumkan', 'Prices not shown'],
        ['Tidak tahu ada layanan antar-jemput', 'Pick-up service not mentioned anywhere'],
      ],
      opportunities: [
        ['Cantumkan harga dan lama pengerjaan di Google Maps', 'List prices and turnaround time on Google Maps'],
        ['Sebar brosur di kos dan kantor sekitar', 'Leave flyers at nearby boarding houses and offices'],
        ['Promo cucian pertama', 'First-wash offer'],
      ],
      content: [
        ['Daftar harga kiloan dan satuan', 'Price list per kilo and per item'],
        ['Foto tempat dan mesin cuci', 'Photos of the shop and machines'],
        ['Testimoni pelanggan', 'Customer testimonials'],
      ],
    },
    {
      key: 'consideration',
      emotion: [0, ['Menimbang harga dan rasa percaya', 'Weighing price and trust']],
      metric: ['Pertanyaan masuk: chat dan telepon per minggu', 'Inquiries: chats and calls per week'],
      actions: [
        ['Tanya harga dan jam jemput lewat WA', 'Asks for prices and pick-up times on WhatsApp'],
        ['Bandingkan dua laundry terdekat', 'Compares the two nearest laundries'],
        ['Baca ulasan soal baju hilang atau rusak', 'Reads reviews about lost or damaged clothes'],
      ],
      touchpoints: [['whatsapp', ['Tanya harga dan jemput', 'Ask for prices and pick-up']], ['google_maps', ['Ulasan', 'Reviews']], ['phone']],
      questions: [q.rightService, q.whyHere, q.competitor, ['Bagaimana kalau baju hilang atau luntur?', 'What if clothes get lost or fade?']],
      painPoints: [
        ['Chat baru dibalas keesokan harinya', 'Chat answered only the next day'],
        ['Tidak ada jaminan untuk baju hilang', 'No guarantee for lost items'],
      ],
      opportunities: [
        ['Balas cepat dengan daftar harga', 'Reply quickly with the price list'],
        ['Jaminan ganti rugi tertulis', 'Written compensation guarantee'],
        ['Pisahkan cucian tiap pelanggan', "Keep each customer's washing separate"],
      ],
      content: [
        ['Daftar harga', 'Price list'],
        ['Perbandingan paket reguler dan kilat', 'Regular vs express comparison'],
        ['Ketentuan jaminan', 'Guarantee terms'],
      ],
    },
    {
      key: 'purchase',
      emotion: [1, ['Lega: cucian beres tanpa repot', 'Relieved: washing done without the hassle']],
      metric: ['Pesanan: kilogram dan nota per minggu', 'Orders: kilos and receipts per week'],
      actions: [
        ['Antar cucian atau minta dijemput', 'Drops off the washing or has it collected'],
        ['Terima nota berisi berat dan tanggal selesai', 'Gets a receipt with the weight and ready date'],
        ['Bayar saat ambil atau saat diantar', 'Pays on collection or on delivery'],
      ],
      touchpoints: [['in_store'], ['whatsapp', ['Kabar cucian siap', 'Ready notification']], ['custom', ['Kurir antar-jemput', 'Pick-up and delivery courier']]],
      questions: [
        ['Kapan cucian siap?', 'When will it be ready?'],
        ['Berapa totalnya?', 'What is the total?'],
        ['Bisa bayar transfer?', 'Can I pay by transfer?'],
      ],
      painPoints: [
        ['Cucian terlambat dari janji', 'Washing later than promised'],
        ['Baju tertukar atau hilang', 'Clothes mixed up or lost'],
        ['Masih bau atau lembap', 'Still smelly or damp'],
      ],
      opportunities: [
        ['Kabari saat cucian siap', 'Message when the washing is ready'],
        ['Label nama di setiap kantong', 'A name label on every bag'],
        ['Hitung ulang jumlah potong saat serah terima', 'Count the items again at hand-over'],
      ],
      content: [
        ['Nota digital lewat WA', 'Digital receipt on WhatsApp'],
        ['Panduan perawatan kain', 'Fabric care guide'],
      ],
    },
    {
      key: 'retention',
      emotion: [1, ['Percaya dan sudah terbiasa', 'Trusting and used to it']],
      metric: ['Pesanan ulang: pelanggan yang kembali tiap bulan', 'Repeat orders: customers returning each month'],
      actions: [
        ['Kirim cucian rutin tiap minggu', 'Sends washing every week'],
        ['Mencoba layanan setrika atau cuci bed cover', 'Tries ironing or bed cover washing'],
        ['Simpan nomor WA laundry', "Saves the laundry's WhatsApp number"],
      ],
      touchpoints: [['whatsapp', ['Jadwal jemput rutin', 'Regular pick-up schedule']], ['in_store']],
      questions: [
        ['Ada paket langganan bulanan?', 'Is there a monthly subscription?'],
        ['Bisa dijemput di jam yang sama tiap minggu?', 'Can you collect at the same time each week?'],
      ],
      painPoints: [
        ['Kualitas turun saat ramai', 'Quality drops on busy days'],
        ['Harus minta jemput berulang kali', 'Has to request a pick-up every time'],
      ],
      opportunities: [
        ['Paket langganan bulanan', 'Monthly subscription package'],
        ['Jadwal jemput tetap', 'A fixed pick-up schedule'],
        ['Kartu stempel: gratis 3 kg di kunjungan ke-10', 'Stamp card: 3 kg free on the 10th visit'],
      ],
      content: [
        ['Kartu member', 'Loyalty card'],
        ['Daftar harga paket langganan', 'Subscription price list'],
      ],
    },
    {
      key: 'advocacy',
      emotion: [2, ['Puas dan merekomendasikan ke tetangga', 'Happy, recommends it to neighbours']],
      metric: ['Rujukan dan kepuasan: pelanggan dari rujukan, hasil survei kepuasan', 'Referrals and satisfaction: referred customers, satisfaction survey results'],
      actions: [
        ['Rekomendasikan ke teman kos atau tetangga', 'Recommends it to housemates or neighbours'],
        ['Tulis ulasan di Google Maps', 'Writes a Google Maps review'],
        ['Bagikan di grup WA perumahan', 'Shares it in the housing-estate WhatsApp group'],
      ],
      touchpoints: [['word_of_mouth'], ['google_maps', ['Tautan ulasan', 'Review link']], ['whatsapp', ['Grup perumahan', 'Housing-estate group']]],
      questions: [['Ada bonus kalau mengajak tetangga?', 'Any bonus for bringing neighbours?'], q.whereReview],
      painPoints: [
        ['Tidak pernah diminta memberi ulasan', 'Never asked for a review'],
        ['Keluhan kecil tidak ditanggapi', 'Small complaints go unanswered'],
      ],
      opportunities: [
        ['Kode QR ulasan di nota', 'Review QR code on the receipt'],
        ['Bonus 1 kg untuk setiap rujukan', '1 kg free for every referral'],
        ['Tanggapi keluhan dalam sehari', 'Answer complaints within a day'],
      ],
      content: [
        ['Testimoni pelanggan tetap', "Regulars' testimonials"],
        ['Kode QR ulasan', 'Review QR code'],
      ],
    },
  ],
};
