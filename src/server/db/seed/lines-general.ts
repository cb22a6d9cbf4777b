import { colour as k, line, palettes as p, shades as sh, sizeRuns as s } from './catalogue';
import type { ProductLine } from './catalogue';

const PELLETTERIA = 'Brera Pelletteria';
const SOLARIA = 'Solaria';
const ZAINO = 'Zaino Urbano';
const LANA = 'Lana Alpina';
const HARBOR = 'Harbor & Pine';
const ROSA = 'Rosa Mediterranea';
const CAPRI = 'Capri Skin';
const GLOWLAB = 'Glowlab'; // American import: UPC-A barcodes
const CASA = 'Casa Serena';
const CERAMICA = 'Ceramica Sole';
const VOLTARO = 'Voltaro';
const AMPWAVE = 'Ampwave'; // American import: UPC-A barcodes
const FORMA = 'Forma Sport';
const RITMO = 'Ritmo Yoga';
const NORTHFIELD = 'Northfield';
const MATTONCINI = 'Mattoncini Magici';
const GIOCHI = 'Giochi del Borgo';
const UPC = { barcode: 'UPCA' } as const;
// GS1 hands out EAN-8 only where a 13-digit label will not fit: lipstick, nail polish, keys.
const SMALL = { barcode: 'EAN8', returnable: false } as const;
const FINAL = { returnable: false } as const;
const TU = s.oneSize;
// prettier-ignore
const lipShades = [sh.cherry, sh.ruby, sh.nude, sh.coral, sh.fuchsia, sh.plum, sh.mauve, sh.rosewood, sh.peach, sh.brick, sh.berry, sh.caramel];
// prettier-ignore
const skinShades = [sh.porcelain, sh.ivory, sh.sand, sh.honey, sh.almond, sh.caramel, sh.mocha, sh.espresso];
// prettier-ignore
const nailShades = [...lipShades, sh.lilac, sh.mint, sh.navy, sh.champagne];
// prettier-ignore
const eyeShades = [sh.bronze, sh.champagne, sh.mocha, sh.espresso, sh.navy, sh.lilac, sh.mint, sh.plum, sh.sand, sh.rosewood];

// prettier-ignore
const accessories: ProductLine[] = [
  line('ZAI-CITY', ZAINO, 'accessories', ['Zaino urbano 20 L', '20 L city backpack'], [k.black, k.navy, k.grey, k.olive, k.red, k.mustard], TU, 6990),
  line('ZAI-TREK', ZAINO, 'accessories', ['Zaino da trekking 35 L', '35 L hiking backpack'], p.outdoor, TU, 9990),
  line('ZAI-ROLL', ZAINO, 'accessories', ['Zaino roll-top impermeabile', 'Waterproof roll-top backpack'], [k.black, k.yellow, k.olive], TU, 7990),
  line('BOR-TOTE', PELLETTERIA, 'accessories', ['Borsa tote in pelle', 'Leather tote bag'], [k.black, k.camel, k.burgundy, k.tan], TU, 14900),
  line('BOR-TRAC', PELLETTERIA, 'accessories', ['Borsa a tracolla Siena', 'Siena crossbody bag'], [k.black, k.tan, k.powder, k.sage], TU, 8990),
  line('POR-PELL', PELLETTERIA, 'accessories', ['Portafoglio in pelle', 'Leather wallet'], p.leather, TU, 4990),
  line('CIN-PELL', PELLETTERIA, 'accessories', ['Cintura in pelle', 'Leather belt'], [k.black, k.brown, k.tan], s.belt, 3990),
  line('CHI-PELL', PELLETTERIA, 'accessories', ['Portachiavi in pelle', 'Leather key ring'], [k.black, k.brown, k.red, k.navy, k.tan], TU, 1490, { barcode: 'EAN8' }),
  line('OCC-CAPR', SOLARIA, 'accessories', ['Occhiali da sole Capri', 'Capri sunglasses'], [k.black, k.tortoise, k.gold, k.clear], TU, 8990),
  line('OCC-AVIA', SOLARIA, 'accessories', ['Occhiali da sole aviator', 'Aviator sunglasses'], [k.gold, k.silver, k.black], TU, 10900),
  line('SCI-LANA', LANA, 'accessories', ['Sciarpa in lana', 'Wool scarf'], p.knit, TU, 3990),
  line('BER-LANA', LANA, 'accessories', ['Berretto in lana', 'Wool beanie'], [k.melange, k.black, k.navy, k.red, k.mustard], TU, 2490),
  line('CAP-BASE', HARBOR, 'accessories', ['Cappellino da baseball', 'Baseball cap'], [k.navy, k.black, k.beige, k.red], TU, 2490, UPC),
  line('GUA-PELL', PELLETTERIA, 'accessories', ['Guanti in pelle', 'Leather gloves'], [k.black, k.brown], ['S', 'M', 'L'], 4990),
  line('OMB-PIEG', ZAINO, 'accessories', ['Ombrello pieghevole', 'Folding umbrella'], [k.black, k.navy, k.red, k.yellow], TU, 1990),
  line('ORE-CERC', SOLARIA, 'accessories', ['Orecchini a cerchio', 'Hoop earrings'], [k.gold, k.silver], TU, 2990, FINAL),
];

// prettier-ignore
const beauty: ProductLine[] = [
  line('ROS-VELL', ROSA, 'beauty', ['Rossetto mat Velluto', 'Velluto matte lipstick'], lipShades, ['3.5 g'], 1490, SMALL),
  line('ROS-LUCE', ROSA, 'beauty', ['Rossetto lucido Luce', 'Luce glossy lipstick'], lipShades.slice(0, 10), ['3.5 g'], 1290, SMALL),
  line('SMA-UNGH', ROSA, 'beauty', ['Smalto per unghie', 'Nail polish'], nailShades, ['5 ml', '10 ml'], [490, 790], SMALL),
  line('SMA-GELL', ROSA, 'beauty', ['Smalto effetto gel', 'Gel-effect nail polish'], nailShades.slice(0, 12), ['5 ml', '10 ml'], [690, 990], SMALL),
  line('BAL-LABB', ROSA, 'beauty', ['Balsamo labbra colorato', 'Tinted lip balm'], [sh.nude, sh.cherry, sh.peach, sh.berry], ['4.5 g'], 490, SMALL),
  line('GLO-LABB', ROSA, 'beauty', ['Gloss labbra', 'Lip gloss'], lipShades, ['6 ml'], 1190, SMALL),
  line('MAS-VOLU', ROSA, 'beauty', ['Mascara volumizzante', 'Volumising mascara'], [k.black, k.brown], ['10 ml'], 1690, SMALL),
  line('MAT-OCCH', ROSA, 'beauty', ['Matita occhi', 'Eye pencil'], [k.black, k.brown, k.navy, k.green, k.silver], ['1.2 g'], 990, SMALL),
  line('OMB-SING', ROSA, 'beauty', ['Ombretto compatto', 'Single eyeshadow'], eyeShades, ['2 g'], 890, SMALL),
  line('FON-FLUI', ROSA, 'beauty', ['Fondotinta fluido', 'Liquid foundation'], skinShades, ['30 ml'], 1990, FINAL),
  line('COR-STIC', ROSA, 'beauty', ['Correttore in stick', 'Concealer stick'], skinShades, ['4 g'], 1290, SMALL),
  line('CRE-VISO', CAPRI, 'beauty', ['Crema viso idratante', 'Moisturising face cream'], [k.natural], ['30 ml', '50 ml'], [1990, 2490], FINAL),
  line('SIE-VITC', CAPRI, 'beauty', ['Siero viso alla vitamina C', 'Vitamin C face serum'], [k.natural], ['30 ml'], 3490, FINAL),
  line('CRE-SOLA', CAPRI, 'beauty', ['Crema solare SPF 50', 'SPF 50 sun cream'], [k.natural], ['50 ml', '200 ml'], [1490, 2490], FINAL),
  line('EDP-SORR', CAPRI, 'beauty', ['Eau de parfum Limone di Sorrento', 'Sorrento Lemon eau de parfum'], [k.natural], ['30 ml', '50 ml', '100 ml'], [3900, 5900, 8900], FINAL),
  line('SHA-ARGA', CAPRI, 'beauty', ["Shampoo all'olio di argan", 'Argan oil shampoo'], [k.natural], ['250 ml', '500 ml'], [890, 1490], FINAL),
  line('GLW-SERU', GLOWLAB, 'beauty', ['Siero illuminante', 'Glow serum'], [k.natural], ['30 ml'], 2990, { barcode: 'UPCA', returnable: false }),
  line('GLW-MASK', GLOWLAB, 'beauty', ["Maschera viso all'argilla", 'Clay face mask'], [k.natural], ['75 ml'], 1990, { barcode: 'UPCA', returnable: false }),
];

// prettier-ignore
const home: ProductLine[] = [
  line('TAZ-COLA', CERAMICA, 'home', ['Tazza mug Colazione', 'Colazione mug'], [k.white, k.blue, k.yellow, k.green, k.terracotta, k.black], ['350 ml'], 990),
  line('TAZ-ESPR', CERAMICA, 'home', ['Set 2 tazzine da caffè', 'Set of 2 espresso cups'], [k.white, k.blue, k.red, k.yellow], TU, 1490),
  line('PIA-GRES', CERAMICA, 'home', ['Piatto piano in gres', 'Stoneware dinner plate'], [k.white, k.blue, k.terracotta, k.sage], ['27 cm'], 890),
  line('LEN-PERC', CASA, 'home', ['Copripiumino in percalle', 'Percale duvet cover'], p.home, ['155x200 cm', '200x200 cm', '255x200 cm'], [5990, 7990, 9990]),
  line('LEN-LINO', CASA, 'home', ['Completo lenzuola in lino lavato', 'Washed linen sheet set'], [k.white, k.beige, k.terracotta, k.grey, k.sage], ['90x200 cm', '160x200 cm', '180x200 cm'], [6990, 9990, 11900]),
  line('ASC-SPUG', CASA, 'home', ['Asciugamano in spugna', 'Terry bath towel'], [k.white, k.grey, k.navy, k.sky, k.powder], ['50x100 cm', '70x140 cm', '100x150 cm'], [990, 1490, 2490]),
  line('CUS-ARRE', CASA, 'home', ["Cuscino d'arredo", 'Decorative cushion'], [k.mustard, k.green, k.blue, k.terracotta, k.beige], ['45x45 cm'], 2490),
  line('PLA-LANA', LANA, 'home', ['Plaid in lana', 'Wool throw'], [k.grey, k.camel, k.green], ['130x170 cm'], 4990),
  line('CAN-FICO', CASA, 'home', ['Candela profumata al fico', 'Fig scented candle'], [k.natural], ['80 g', '200 g'], [990, 1990]),
  line('BIC-VETR', CASA, 'home', ['Set 6 bicchieri in vetro', 'Set of 6 glass tumblers'], [k.clear], TU, 1990),
  line('PAD-ANTI', CASA, 'home', ['Padella antiaderente', 'Non-stick frying pan'], [k.black], ['20 cm', '24 cm', '28 cm'], [2490, 2990, 3490]),
];

// prettier-ignore
const electronics: ProductLine[] = [
  line('CUF-SILE', VOLTARO, 'electronics', ['Cuffie wireless con cancellazione del rumore', 'Noise-cancelling wireless headphones'], [k.black, k.white, k.navy], TU, 14900),
  line('AUR-TWSL', VOLTARO, 'electronics', ['Auricolari true wireless', 'True wireless earbuds'], p.tech, TU, 6990),
  line('CAR-USBC', VOLTARO, 'electronics', ['Caricabatterie USB-C', 'USB-C charger'], [k.white, k.black], ['20 W', '35 W', '65 W'], [1990, 2990, 4490]),
  line('CAV-USBC', VOLTARO, 'electronics', ['Cavo USB-C', 'USB-C cable'], [k.white, k.black], ['1 m', '2 m'], [990, 1290], { barcode: 'EAN8' }),
  line('PWB-TASC', VOLTARO, 'electronics', ['Power bank 10000 mAh', '10,000 mAh power bank'], p.tech, TU, 2990),
  line('COV-SMAR', VOLTARO, 'electronics', ['Cover per smartphone', 'Smartphone case'], [k.black, k.clear, k.navy, k.powder], ['6.1"', '6.7"'], 1990),
  line('SPK-WAVE', AMPWAVE, 'electronics', ['Cassa Bluetooth portatile', 'Portable Bluetooth speaker'], [k.black, k.blue, k.red, k.sage], TU, 5990, UPC),
  line('SMW-FITT', AMPWAVE, 'electronics', ['Smartwatch fitness', 'Fitness smartwatch'], [k.black, k.pink, k.green], TU, 9990, UPC),
];

// prettier-ignore
const sport: ProductLine[] = [
  line('TAP-YOGA', RITMO, 'sport', ['Tappetino yoga', 'Yoga mat'], [k.purple, k.sky, k.grey, k.sage, k.black], ['4 mm', '6 mm'], [2990, 3490]),
  line('LEG-SPOR', RITMO, 'sport', ['Leggings sportivi', 'Sports leggings'], p.sporty, s.alphaWomen, 3490),
  line('REG-SPOR', RITMO, 'sport', ['Reggiseno sportivo', 'Sports bra'], [k.black, k.pink, k.white, k.purple], s.alphaWomen, 2990, FINAL),
  line('TSH-TECN', FORMA, 'sport', ['Maglia tecnica da running', 'Technical running tee'], [k.black, k.orange, k.blue, k.yellow, k.white], s.alpha, 2490),
  line('SHO-RUNN', FORMA, 'sport', ['Pantaloncini da running', 'Running shorts'], [k.black, k.navy, k.grey, k.blue], s.alpha, 2490),
  line('TUT-ALLE', FORMA, 'sport', ['Tuta da allenamento', 'Training tracksuit'], [k.black, k.navy, k.melange], s.alpha, 5990),
  line('GIA-WIND', NORTHFIELD, 'sport', ['Giacca antivento da running', 'Running windbreaker'], [k.black, k.yellow, k.blue, k.orange, k.green, k.pink], s.alpha, 6990, UPC),
  line('MAN-NEOP', FORMA, 'sport', ['Manubrio in neoprene', 'Neoprene dumbbell'], [k.grey], ['1 kg', '2 kg', '3 kg', '5 kg'], [990, 1490, 1990, 2990]),
  line('PAL-CALC', NORTHFIELD, 'sport', ['Pallone da calcio', 'Football'], [k.white, k.yellow], ['4', '5'], 2490, UPC),
  line('BOR-TERM', FORMA, 'sport', ['Borraccia termica', 'Insulated water bottle'], [k.black, k.silver, k.green, k.sky, k.pink], ['500 ml', '750 ml'], [1990, 2490]),
  line('RAC-PADE', FORMA, 'sport', ['Racchetta da padel', 'Padel racket'], [k.black, k.blue], TU, 8990),
];

// prettier-ignore
const toys: ProductLine[] = [
  line('MAT-POMP', MATTONCINI, 'toys', ['Mattoncini Caserma dei pompieri', 'Fire station brick set'], [k.multi], ['512 pz'], 5990),
  line('MAT-PIZZ', MATTONCINI, 'toys', ['Mattoncini Pizzeria', 'Pizzeria brick set'], [k.multi], ['248 pz'], 2990),
  line('MAT-COLO', MATTONCINI, 'toys', ['Mattoncini Colosseo', 'Colosseum brick set'], [k.multi], ['1350 pz'], 12900),
  line('MAT-CLAS', MATTONCINI, 'toys', ['Scatola mattoncini classici', 'Classic bricks box'], [k.multi], ['300 pz', '600 pz', '1000 pz'], [1990, 3490, 4990]),
  line('PEL-ORSO', GIOCHI, 'toys', ['Orsetto di peluche', 'Plush teddy bear'], [k.brown, k.beige, k.white], ['25 cm', '40 cm'], [1990, 2990]),
  line('PUZ-BORG', GIOCHI, 'toys', ["Puzzle Borghi d'Italia", 'Villages of Italy jigsaw puzzle'], [k.multi], ['500 pz', '1000 pz'], [1490, 1990]),
  line('TRE-LEGN', GIOCHI, 'toys', ['Trenino in legno', 'Wooden train set'], [k.multi], TU, 3990),
  line('AUT-RADI', GIOCHI, 'toys', ['Auto radiocomandata', 'Remote-control car'], [k.red, k.blue, k.yellow], TU, 4990),
];

export const generalLines: readonly ProductLine[] = [
  ...accessories,
  ...beauty,
  ...home,
  ...electronics,
  ...sport,
  ...toys,
];
