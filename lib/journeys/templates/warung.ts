/** Warung makan: the three-stage model suits a quick, daily purchase. */
import { type TemplateDef } from './define';

export const warung: TemplateDef<'warung'> = {
  key: 'warung',
  model: 'three_stage',
  isCycle: false,
  stages: [
    {
      key: 'pre_purchase',
      emotion: [0, ['Lapar, ingin yang cepat dan murah', 'Hungry, wants something quick and cheap']],
      metric: ['Jangkauan: yang melihat status WA menu harian', 'Reach: views of the daily menu on WhatsApp status'],
      actions: [
        ['Lewat di depan warung', 'Walks past the warung'],
        ['Tanya tetangga warung mana yang enak', 'Asks neighbours which warung is good'],
        ['Cek menu di status WA atau GoFood', 'Checks the menu on WhatsApp status or GoFood'],
      ],
      touchpoints: [['word_of_mouth'], ['google_maps'], ['whatsapp', ['Status menu hari ini', "Today's menu on status"]], ['custom', ['GoFood / GrabFood', 'GoFood / GrabFood']]],
      questions: [
        ['Menu hari ini apa?', "What is on today's menu?"],
        ['Kenapa harus di sini, bukan di warung lain?', 'Why here and not another warung?'],
        ['Masih buka jam segini?', 'Still open at this hour?'],
      ],
      painPoints: [
        ['Tidak tahu menu sebelum datang', 'Does not know the menu before coming'],
        ['Jam buka tidak menentu', 'Irregular opening hours'],
      ],
      opportunities: [
        ['Unggah menu harian di status WA', 'Post the daily menu on WhatsApp status'],
        ['Papan nama dan jam buka yang jelas', 'A clear sign with opening hours'],
        ['Daftarkan warung di Google Maps', 'Get the warung listed on Google Maps'],
      ],
      content: [
        ['Foto menu harian dengan harga', 'Photo of the daily menu with prices'],
        ['Daftar harga', 'Price list'],
      ],
    },
    {
      key: 'purchase',
      emotion: [1, ['Senang: cepat, enak, dan pas di kantong', 'Happy: fast, tasty and affordable']],
      metric: ['Pesanan: porsi terjual per hari', 'Orders: portions sold per day'],
      actions: [
        ['Pesan langsung atau lewat WA', 'Orders in person or on WhatsApp'],
        ['Makan di tempat atau dibungkus', 'Eats in or takes away'],
        ['Bayar tunai atau QRIS', 'Pays cash or by QRIS'],
      ],
      touchpoints: [['in_store'], ['whatsapp', ['Pesan antar', 'Delivery orders']], ['custom', ['GoFood / GrabFood', 'GoFood / GrabFood']]],
      questions: [
        ['Semuanya berapa?', 'How much altogether?'],
        ['Bisa bayar pakai QRIS?', 'Can I pay with QRIS?'],
        ['Bisa diantar?', 'Can you deliver?'],
      ],
      painPoints: [
        ['Antre lama saat jam makan siang', 'A long queue at lunchtime'],
        ['Menu favorit sudah habis', 'The favourite dish is sold out'],
        ['Tidak ada uang kembalian', 'No change for big notes'],
      ],
      opportunities: [
        ['Terima pesanan WA sebelum jam makan siang', 'Take WhatsApp orders before lunchtime'],
        ['Sediakan QRIS', 'Accept QRIS'],
        ['Kabari di status jika menu habis', 'Say on status when a dish is sold out'],
      ],
      content: [
        ['Kode QRIS di meja', 'QRIS code on the table'],
        ['Daftar menu dan harga', 'Menu and price list'],
      ],
    },
    {
      key: 'post_purchase',
      emotion: [2, ['Puas, jadi langganan', 'Satisfied, becomes a regular']],
      metric: ['Pesanan ulang dan rujukan: pelanggan tetap, teman yang diajak', 'Repeat orders and referrals: regulars, friends brought along'],
      actions: [
        ['Datang lagi besok', 'Comes back the next day'],
        ['Ajak teman kantor', 'Brings colleagues'],
        ['Tulis ulasan di Google Maps', 'Writes a Google Maps review'],
      ],
      touchpoints: [['word_of_mouth'], ['whatsapp', ['Grup pelanggan', 'Customer group']], ['google_maps', ['Tautan ulasan', 'Review link']]],
      questions: [
        ['Ada menu baru?', 'Anything new?'],
        ['Ada harga khusus langganan?', 'Is there a price for regulars?'],
      ],
      painPoints: [
        ['Rasa kadang berubah', 'The taste sometimes changes'],
        ['Tidak ada penghargaan untuk langganan', 'Nothing special for regulars'],
      ],
      opportunities: [
        ['Kartu stempel: makan ke-10 gratis', 'Stamp card: 10th meal free'],
        ['Minta ulasan lewat kode QR', 'Ask for reviews with a QR code'],
        ['Grup WA pelanggan untuk menu harian', 'A customer WhatsApp group for the daily menu'],
      ],
      content: [
        ['Kode QR ulasan', 'Review QR code'],
        ['Testimoni pelanggan', 'Customer testimonials'],
      ],
    },
  ],
};
