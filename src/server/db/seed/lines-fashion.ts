import { colour as k, line, palettes as p, sizeRuns as s } from './catalogue';
import type { ProductLine } from './catalogue';

const BRERA = 'Brera Calzature';
const SENTIERO = 'Sentiero Outdoor';
const PASSO = 'Passo Leggero';
const NORTHFIELD = 'Northfield'; // American import: UPC-A barcodes
const TELA = 'Tela Blu';
const COTONE = 'Cotone & Co.';
const LANA = 'Lana Alpina';
const VENTO = 'Vento';
const HARBOR = 'Harbor & Pine'; // American import: UPC-A barcodes
const PICCOLI = 'Piccoli Passi';
const UPC = { barcode: 'UPCA' } as const;
const FINAL = { returnable: false } as const;

// prettier-ignore
const footwear: ProductLine[] = [
  line('SNK-ROMA', BRERA, 'footwear', ['Sneaker in pelle Roma', 'Roma leather sneaker'], p.sneakers, s.shoesUnisex, 8990),
  line('SNK-MILA', BRERA, 'footwear', ['Sneaker in camoscio Milano', 'Milano suede sneaker'], [k.grey, k.beige, k.navy, k.olive, k.burgundy, k.black, k.camel], s.shoesUnisex, 9990),
  line('SNK-TELA', PASSO, 'footwear', ['Sneaker in tela Lido', 'Lido canvas sneaker'], [k.white, k.black, k.navy, k.red, k.sky, k.yellow, k.ecru, k.green], s.shoesUnisex, 4990),
  line('TRL-DOLO', SENTIERO, 'footwear', ['Scarpa da trail running Dolomiti', 'Dolomiti trail running shoe'], p.outdoor, s.shoesUnisex, 12990),
  line('TRL-ETNA', SENTIERO, 'footwear', ['Scarpa trail impermeabile Etna', 'Etna waterproof trail shoe'], [k.black, k.grey, k.red, k.olive, k.blue, k.orange], s.shoesMen, 14990),
  line('HIK-GRAN', SENTIERO, 'footwear', ['Scarpone da escursionismo Gran Sasso', 'Gran Sasso hiking boot'], [k.brown, k.grey, k.olive, k.black], s.shoesUnisex, 15900),
  line('RUN-NOVA', NORTHFIELD, 'footwear', ['Scarpa da corsa Nova', 'Nova running shoe'], [k.black, k.white, k.blue, k.pink, k.orange, k.grey, k.yellow, k.navy], s.shoesUnisex, 11990, UPC),
  line('BOT-CHEL', BRERA, 'footwear', ['Stivaletto Chelsea in pelle', 'Leather Chelsea boot'], [k.black, k.brown, k.tan, k.burgundy, k.beige], s.shoesUnisex, 15900),
  line('MOC-CAPR', BRERA, 'footwear', ['Mocassino Capri', 'Capri loafer'], [k.brown, k.navy, k.burgundy, k.black], s.shoesMen, 12900),
  line('DEC-FOSC', BRERA, 'footwear', ['Scarpa stringata Foscari', 'Foscari derby shoe'], p.leather, s.shoesMen, 13900),
  line('BAL-VENE', PASSO, 'footwear', ['Ballerina Venezia', 'Venezia ballet flat'], [k.black, k.beige, k.red, k.powder, k.gold, k.navy, k.silver], s.shoesWomen, 6990),
  line('DEC-MODA', PASSO, 'footwear', ['Décolleté Modena', 'Modena court shoe'], [k.black, k.beige, k.red], s.shoesWomen, 8990),
  line('SAN-POSI', PASSO, 'footwear', ['Sandalo Positano', 'Positano sandal'], [k.tan, k.black, k.white, k.gold, k.silver, k.terracotta], s.shoesWomen, 5990),
  line('CIA-MARE', PASSO, 'footwear', ['Ciabatta da piscina Mare', 'Mare pool slide'], [k.black, k.navy, k.white, k.sky, k.red], s.shoesUnisex, 2490),
  line('STV-PIOG', PASSO, 'footwear', ['Stivale da pioggia Nebbia', 'Nebbia rain boot'], [k.yellow, k.navy, k.black, k.olive, k.red, k.sky], s.shoesUnisex, 4990),
  line('ESP-ESTA', PASSO, 'footwear', ['Espadrillas Estate', 'Estate espadrilles'], [k.navy, k.beige, k.red, k.black, k.sky, k.ecru], s.shoesUnisex, 3990),
  line('TRL-RIDG', NORTHFIELD, 'footwear', ['Scarpa da trail Ridge', 'Ridge trail shoe'], [k.black, k.grey, k.orange, k.blue, k.green], s.shoesUnisex, 13990, UPC),
  line('KID-SNKR', PICCOLI, 'footwear', ['Sneaker bambino con strappo', 'Kids hook-and-loop sneaker'], [k.white, k.navy, k.pink, k.red, k.sky, k.silver], s.shoesKids, 3990),
];

// prettier-ignore
const apparel: ProductLine[] = [
  line('JNS-SLIM', TELA, 'apparel', ['Jeans slim Navigli', 'Navigli slim jeans'], p.denim, s.waist, 7990),
  line('JNS-REGL', TELA, 'apparel', ['Jeans regular Porto', 'Porto regular jeans'], [k.lightDenim, k.midDenim, k.darkDenim, k.black, k.grey], s.waist, 6990),
  line('JNS-LIDO', TELA, 'apparel', ['Jeans a vita alta Lido', 'Lido high-waist jeans'], [k.lightDenim, k.midDenim, k.darkDenim, k.white, k.black], s.waist, 7490),
  line('TSH-BASE', COTONE, 'apparel', ['T-shirt girocollo in cotone', 'Cotton crew-neck T-shirt'], p.tees, s.alpha, 1490),
  line('TSH-VNEC', COTONE, 'apparel', ['T-shirt scollo a V', 'V-neck T-shirt'], [k.white, k.black, k.melange, k.powder, k.navy, k.sky, k.sage, k.burgundy], s.alpha, 1590),
  line('TSH-RIGA', COTONE, 'apparel', ['T-shirt a righe marinière', 'Breton striped T-shirt'], [k.navy, k.red, k.black, k.green, k.sky], s.alpha, 2490),
  line('POL-RIVI', COTONE, 'apparel', ['Polo in piqué Riviera', 'Riviera piqué polo'], [k.white, k.navy, k.sky, k.green, k.black, k.yellow, k.red, k.pink], s.alphaMen, 3990),
  line('CAM-OXFO', COTONE, 'apparel', ['Camicia Oxford', 'Oxford shirt'], [k.white, k.sky, k.pink, k.navy, k.beige, k.green], s.alphaMen, 4990),
  line('CAM-AMAL', COTONE, 'apparel', ['Camicia in lino Amalfi', 'Amalfi linen shirt'], p.summer, s.alpha, 5990),
  line('MAG-MERI', LANA, 'apparel', ['Maglione in merino', 'Merino wool sweater'], p.knit, s.alpha, 8990),
  line('MAG-CASH', LANA, 'apparel', ['Maglione girocollo in cashmere', 'Cashmere crew-neck sweater'], [k.camel, k.melange, k.black, k.navy, k.burgundy, k.ecru, k.powder], s.alpha, 19900),
  line('MAG-DOLC', LANA, 'apparel', ['Dolcevita in lana', 'Wool roll-neck sweater'], [k.black, k.ecru, k.burgundy, k.camel, k.navy, k.green], s.alpha, 7990),
  line('CAR-TREC', LANA, 'apparel', ['Cardigan a trecce', 'Cable-knit cardigan'], [k.ecru, k.green, k.navy, k.camel, k.powder, k.mustard], s.alphaWomen, 7990),
  line('FEL-ZIPP', COTONE, 'apparel', ['Felpa con cappuccio e zip', 'Zip hoodie'], [k.melange, k.black, k.navy, k.olive, k.burgundy, k.sky, k.ecru], s.alpha, 4990),
  line('FEL-GIRO', COTONE, 'apparel', ['Felpa girocollo', 'Crew-neck sweatshirt'], [k.melange, k.ecru, k.sage, k.navy, k.powder, k.black], s.alpha, 3990),
  line('GIA-VENT', VENTO, 'apparel', ['Giacca impermeabile Vento', 'Vento rain jacket'], [k.yellow, k.navy, k.black, k.red, k.olive, k.sky, k.orange], s.alpha, 8990),
  line('GIA-PIUM', VENTO, 'apparel', ['Piumino leggero', 'Lightweight down jacket'], [k.black, k.navy, k.olive, k.burgundy, k.beige, k.silver, k.red], s.alpha, 12900),
  line('TRE-CLAS', VENTO, 'apparel', ['Trench classico', 'Classic trench coat'], [k.beige, k.black, k.navy, k.olive], s.alpha, 17900),
  line('CAP-LANA', VENTO, 'apparel', ['Cappotto in lana', 'Wool coat'], [k.camel, k.grey, k.black, k.navy], s.alpha, 22900),
  line('CHI-PANT', HARBOR, 'apparel', ['Pantaloni chino', 'Chino trousers'], [k.beige, k.navy, k.olive, k.black, k.grey, k.camel], s.waist, 5990, UPC),
  line('CAM-FLAN', HARBOR, 'apparel', ['Camicia in flanella', 'Flannel shirt'], [k.red, k.green, k.navy, k.grey, k.mustard], s.alphaMen, 4990, UPC),
  line('FEL-COLL', HARBOR, 'apparel', ['Felpa college', 'College sweatshirt'], [k.navy, k.melange, k.burgundy, k.green, k.ecru], s.alpha, 5490, UPC),
  line('BER-COTO', COTONE, 'apparel', ['Bermuda in cotone', 'Cotton Bermuda shorts'], [k.beige, k.navy, k.olive, k.sky, k.white], s.waist, 3990),
  line('BLA-MILA', VENTO, 'apparel', ['Blazer Milano', 'Milano blazer'], [k.navy, k.black, k.beige, k.grey], s.alpha, 14900),
  line('CMC-SETA', COTONE, 'apparel', ['Camicetta in seta', 'Silk blouse'], [k.ecru, k.black, k.powder, k.sky, k.sage], s.alphaWomen, 8990),
  line('ABT-MIDI', COTONE, 'apparel', ['Abito midi a fiori', 'Floral midi dress'], [k.blue, k.red, k.yellow, k.black, k.sage, k.powder], s.alphaWomen, 6990),
  line('GON-PLIS', COTONE, 'apparel', ['Gonna plissé', 'Pleated skirt'], [k.black, k.green, k.beige, k.navy, k.burgundy, k.silver], s.alphaWomen, 4590),
  line('PIG-COTO', COTONE, 'apparel', ['Pigiama in cotone', 'Cotton pyjamas'], [k.sky, k.melange, k.pink, k.navy, k.sage, k.burgundy], s.alpha, 3990),
  line('CAL-TRIS', COTONE, 'apparel', ['Calzini in cotone, confezione da 3', 'Cotton socks, 3-pack'], p.basics, s.socks, 1290),
  line('INT-BOXE', COTONE, 'apparel', ['Boxer in cotone, confezione da 2', 'Cotton boxer briefs, 2-pack'], [k.black, k.navy, k.grey], s.alphaMen, 1990, FINAL),
  line('COS-INTE', COTONE, 'apparel', ['Costume intero', 'One-piece swimsuit'], [k.black, k.navy, k.red, k.terracotta], s.alphaWomen, 4990, FINAL),
  line('KID-TSHI', PICCOLI, 'apparel', ['T-shirt bambino', 'Kids T-shirt'], [k.white, k.navy, k.yellow, k.red, k.sky, k.green, k.pink], s.kids, 990),
  line('KID-FELP', PICCOLI, 'apparel', ['Felpa bambino', 'Kids sweatshirt'], [k.melange, k.navy, k.pink, k.green, k.red, k.sky], s.kids, 2490),
  line('KID-JEAN', PICCOLI, 'apparel', ['Jeans bambino', 'Kids jeans'], [k.lightDenim, k.midDenim, k.darkDenim], s.kids, 2490),
  line('KID-GIAC', PICCOLI, 'apparel', ['Giacca impermeabile bambino', 'Kids rain jacket'], [k.yellow, k.red, k.navy, k.green, k.pink], s.kids, 3990),
];

export const fashionLines: readonly ProductLine[] = [...footwear, ...apparel];
