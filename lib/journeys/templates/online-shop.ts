/**
 * Online shop on a marketplace and social media. The five-phase model: buyers research reviews
 * before they buy, and their own reviews are the next buyers' research.
 */
import { q, type TemplateDef } from './define';

export const onlineShop: TemplateDef<'online_shop'> = {
  key: 'online_shop',
  model: 'five_phase',
  isCycle: false,
  stages: [
    {
      key: 'awareness',
      emotion: [1, ['Tertarik melihat video produk', 'Interested after a product video']],
      metric: ['Jangkauan: penonton video dan kunjungan toko', 'Reach: video views and shop visits'],
      actions: [
        ['Lihat video produk di TikTok atau Instagram', 'Sees a product video on TikTok or Instagram'],
        ['Lihat iklan di marketplace', 'Sees an ad on the marketplace'],
        ['Dapat tautan dari teman', 'Gets a link from a friend'],
      ],
      touchpoints: [['tiktok'], ['instagram'], ['shopee'], ['influencer', ['Ulasan influencer', 'Influencer review']]],
      questions: [
        ['Produk apa ini, dan untuk siapa?', 'What is this product, and who is it for?'],
        ['Tokonya bisa dipercaya?', 'Can the shop be trusted?'],
        ['Harganya berapa?', 'How much is it?'],
      ],
      painPoints: [
        ['Video tidak menyebut nama toko', 'The video does not name the shop'],
        ['Tautan ke toko sulit dicari', 'Hard to find the link to the shop'],
      ],
      opportunities: [
        ['Pasang tautan toko di bio', 'Put the shop link in the bio'],
        ['Unggah video rutin 3 kali seminggu', 'Post videos three times a week'],
        ['Kerja sama dengan mikro-influencer', 'Work with micro-influencers'],
      ],
      content: [
        ['Video demo produk', 'Product demo video'],
        ['Foto produk dipakai sehari-hari', 'Photos of the product in daily use'],
        ['Testimoni pembeli', 'Buyer testimonials'],
      ],
    },
    {
      key: 'consideration',
      emotion: [0, ['Menimbang, belum yakin', 'Weighing up, not yet sure']],
      metric: ['Pertanyaan masuk: chat per hari, produk di keranjang', 'Inquiries: chats per day, products in carts'],
      actions: [
        ['Bandingkan harga di beberapa toko', 'Compares prices across shops'],
        ['Simpan produk ke keranjang atau wishlist', 'Adds the product to the cart or wishlist'],
        ['Tanya ukuran atau stok lewat chat', 'Asks about size or stock by chat'],
      ],
      touchpoints: [['shopee', ['Chat penjual', 'Seller chat']], ['tokopedia'], ['whatsapp', ['Tanya stok', 'Ask about stock']]],
      questions: [q.rightProduct, ['Kenapa harus di toko ini, bukan toko lain?', 'Why this shop and not another?'], q.waitDiscount, q.competitor],
      painPoints: [
        ['Chat tidak dibalas berjam-jam', 'Chat unanswered for hours'],
        ['Tabel ukuran tidak jelas', 'Unclear size chart'],
      ],
      opportunities: [
        ['Balasan otomatis dan jam layanan yang jelas', 'Auto-replies and clear service hours'],
        ['Tabel ukuran dengan foto', 'Size chart with photos'],
        ['Voucher untuk keranjang yang ditinggalkan', 'Voucher for abandoned carts'],
      ],
      content: [
        ['Tabel ukuran', 'Size chart'],
        ['Lembar perbandingan varian', 'Variant comparison sheet'],
        ['Daftar harga grosir', 'Wholesale price list'],
      ],
    },
    {
      key: 'research',
      emotion: [-1, ['Waswas: takut barang tidak sesuai foto', 'Anxious: afraid the item will not match the photos']],
      metric: ['Kepuasan: rating toko dan jumlah ulasan berfoto', 'Satisfaction: shop rating and number of photo reviews'],
      actions: [
        ['Baca ulasan dan lihat foto pembeli', "Reads reviews and looks at buyers' photos"],
        ['Cek rating toko dan jumlah terjual', 'Checks the shop rating and units sold'],
        ['Cari video ulasan di TikTok', 'Looks for review videos on TikTok'],
      ],
      touchpoints: [['shopee', ['Ulasan produk', 'Product reviews']], ['tokopedia', ['Ulasan produk', 'Product reviews']], ['tiktok', ['Video ulasan', 'Review videos']]],
      questions: [
        ['Barangnya sesuai foto?', 'Does the item match the photos?'],
        ['Pengirimannya berapa lama?', 'How long does delivery take?'],
        ['Bisa retur kalau tidak cocok?', 'Can I return it if it does not fit?'],
      ],
      painPoints: [
        ['Ulasan sedikit atau tanpa foto', 'Few reviews, or none with photos'],
        ['Ulasan buruk tidak dibalas', 'Bad reviews left unanswered'],
      ],
      opportunities: [
        ['Minta ulasan berfoto dengan bonus kecil', 'Ask for photo reviews with a small bonus'],
        ['Balas ulasan buruk dengan solusi', 'Answer bad reviews with a solution'],
        ['Tulis kebijakan retur yang jelas', 'Write a clear return policy'],
      ],
      content: [
        ['Ulasan pembeli berfoto', "Buyers' photo reviews"],
        ['Video unboxing', 'Unboxing video'],
        ['Kebijakan retur', 'Return policy'],
      ],
    },
    {
      key: 'purchase',
      emotion: [1, ['Senang, menunggu paket datang', 'Happy, waiting for the parcel']],
      metric: ['Pesanan: jumlah pesanan dan pembatalan', 'Orders: number of orders and cancellations'],
      actions: [
        ['Checkout dan pilih kurir', 'Checks out and picks a courier'],
        ['Bayar lewat dompet digital atau COD', 'Pays by e-wallet or cash on delivery'],
        ['Lacak paket', 'Tracks the parcel'],
      ],
      touchpoints: [['shopee'], ['tokopedia'], ['whatsapp', ['Konfirmasi pesanan', 'Order confirmation']]],
      questions: [
        ['Kapan paket dikirim?', 'When will it ship?'],
        ['Ada gratis ongkir?', 'Is there free shipping?'],
        ['Bisa COD?', 'Is cash on delivery available?'],
      ],
      painPoints: [
        ['Pesanan lama diproses', 'The order is slow to ship'],
        ['Paket rusak di jalan', 'The parcel is damaged in transit'],
        ['Ongkir mahal', 'High shipping cost'],
      ],
      opportunities: [
        ['Kirim di hari yang sama', 'Ship the same day'],
        ['Kemas aman dengan bubble wrap', 'Pack safely with bubble wrap'],
        ['Kartu terima kasih di dalam paket', 'A thank-you card in the parcel'],
      ],
      content: [
        ['Kartu terima kasih', 'Thank-you card'],
        ['Panduan pemakaian', 'How-to-use guide'],
      ],
    },
    {
      key: 'review',
      emotion: [1, ['Puas jika barang sesuai', 'Satisfied when the item matches']],
      metric: ['Kepuasan dan pesanan ulang: rating rata-rata, pembeli yang kembali', 'Satisfaction and repeat orders: average rating, returning buyers'],
      actions: [
        ['Beri bintang dan ulasan', 'Gives stars and a review'],
        ['Unggah foto atau video barang', 'Uploads photos or a video of the item'],
        ['Beli lagi atau ikuti toko', 'Buys again or follows the shop'],
      ],
      touchpoints: [['shopee', ['Ulasan', 'Reviews']], ['tiktok', ['Video unboxing pembeli', "Buyers' unboxing videos"]], ['whatsapp', ['Minta ulasan', 'Review request']]],
      questions: [
        ['Perlu repot menulis ulasan?', 'Is it worth writing a review?'],
        ['Ada voucher untuk pembelian berikutnya?', 'Is there a voucher for the next order?'],
      ],
      painPoints: [
        ['Lupa memberi ulasan', 'Forgets to leave a review'],
        ['Keluhan tidak ditanggapi', 'A complaint goes unanswered'],
      ],
      opportunities: [
        ['Pengingat ulasan yang ramah setelah paket diterima', 'A friendly review reminder after delivery'],
        ['Voucher pembelian ulang', 'Repeat-purchase voucher'],
        ['Tanggapi keluhan dalam 24 jam', 'Answer complaints within 24 hours'],
      ],
      content: [
        ['Testimoni pilihan', 'Selected testimonials'],
        ['Kode QR ulasan di kemasan', 'Review QR code on the packaging'],
      ],
    },
  ],
};
