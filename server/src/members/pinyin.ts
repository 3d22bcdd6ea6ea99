import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Two-character surnames: their pinyin is written as one word ("OUYANG XIAOLAN"). */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '端木', '南宫', '独孤', '澹台', '公冶', '申屠', '太史', '闻人', '钟离', '赫连', '万俟', '呼延', '拓跋', '百里', '东郭',
  '西门', '濮阳', '淳于', '单于', '公羊', '第五', '司空', '左丘', '梁丘', '乐正',
]);

/**
 * The form's 拼音拼写: surname, then given name, upper case ("WANG XIAOMING", "SHAN WEI" — a
 * surname is read as a surname — "OUYANG XIAOLAN"). A name written in Latin letters is its own
 * spelling ("JOHN SMITH"), so it is found by what staff type.
 */
export function toPinyin(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  if (!HAN.test(text)) return text.toUpperCase();
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' })
    .map((s) => s.trim())
    .filter(Boolean);
  if (syllables.length <= 1) return syllables.join('').toUpperCase();
  const surname = COMPOUND_SURNAMES.has([...text].slice(0, 2).join('')) && syllables.length > 2 ? 2 : 1;
  return `${syllables.slice(0, surname).join('')} ${syllables.slice(surname).join('')}`.toUpperCase();
}

// ---- Search keys --------------------------------------------------------------------------------
// What the members search compares, kept in columns beside the pinyin (pinyinKey, initials; see
// prisma/migrations/20261202140000_member_search, whose SQL functions compute the same). Both the
// stored pinyin and what staff type are reduced the same way, so "wang yi", "wangyi" and "WANG YI"
// are one key, and ü, v and u are one letter ("lv", "lu", "lü" all reach 吕, stored "LÜ").

/** ü in any form, and v (how keyboards type it), written as u. */
const U_LIKE = /[üÜǖǘǚǜǕǗǙǛvV]/g;

/** Upper case Latin letters and digits only; ü and v are u; spaces, apostrophes, dots go. */
export function pinyinKey(text: string): string {
  return text.replace(U_LIKE, 'U').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** Every syllable of Mandarin (ü written u), for telling typed pinyin from typed initials. */
const SYLLABLES = new Set(
  `
  a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen
  ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci
  cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan
  dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou
  gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui
  hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng
  kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin
  ling liu long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
  mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo o ou
  pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing
  qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se
  sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song
  sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa
  wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang
  yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao
  zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
`.trim().split(/\s+/).map((s) => s.toUpperCase()),
);
const SYLLABLE_STARTS = new Set([...SYLLABLES].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));

/**
 * True when a key reads as pinyin being typed: whole syllables, then the start of one ("WANGY",
 * "ZH", "LUMUCH"). Initials ("WYQ", "LMC") do not: no syllable is a single consonant.
 */
export function readsAsPinyin(key: string): boolean {
  if (!key) return false;
  const reachable = new Set([0]);
  for (let at = 0; at < key.length; at++) {
    if (!reachable.has(at)) continue;
    if (SYLLABLE_STARTS.has(key.slice(at))) return true;
    for (let end = at + 1; end <= Math.min(key.length, at + 6); end++) if (SYLLABLES.has(key.slice(at, end))) reachable.add(end);
  }
  return reachable.has(key.length);
}

/**
 * One syllable of a pinyin word: an initial, then a final (a final ending in n or ng does not
 * take the next syllable's initial away from a vowel: "JIANAN" is JIAN AN, "CHANGE" is CHAN GE —
 * pinyin would write an apostrophe otherwise). The migration's SQL uses this very expression.
 */
export const SYLLABLE_RE =
  '(?:ER(?![AEIOU])|(?:ZH|CH|SH|[BPMFDTNLGKHJQXRZCSYW])?(?:(?:IANG|IONG|UANG|UENG|ING|ANG|ENG|ONG|IAN|UAN|AN|EN|IN|UN)(?![AEIOU])|IAO|UAI|AI|EI|AO|OU|IA|IE|IU|UA|UO|UI|UE|A|O|E|I|U))';
const SYLLABLE_G = new RegExp(SYLLABLE_RE, 'g');
const WHOLE_WORD = new RegExp(`^${SYLLABLE_RE}+$`);

/**
 * The first letters of a pinyin's syllables ("WANG YUQING" → "WYQ"); a word that is not pinyin
 * (a Latin name) gives its first letter. What the database derives when it is not told.
 */
export function initialsOfPinyin(pinyinText: string): string {
  return pinyinText
    .replace(U_LIKE, 'U')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((w) => (WHOLE_WORD.test(w) ? (w.match(SYLLABLE_G) ?? []).map((s) => s[0]).join('') : w[0]))
    .join('');
}

/**
 * The initials staff type for a member ("wyq" for 王雨晴, "lmc" for 吕沐辰): from the characters
 * (as toPinyin reads them, surname first) when the pinyin is the one made from the name, from the
 * pinyin staff typed when it is another, and a Latin name's words' first letters.
 */
export function toInitials(name: string, pinyinText: string = toPinyin(name)): string {
  const text = name.trim().replace(/\s+/g, ' ');
  if (!HAN.test(text)) return pinyinKey(text.split(' ').map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 1)).join(''));
  if (pinyinKey(pinyinText) !== pinyinKey(toPinyin(text))) return initialsOfPinyin(pinyinText);
  const firsts = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed', surname: 'head' });
  return pinyinKey(firsts.join(''));
}
