#pragma once
// Deterministic text for the micro-benchmarks: word lists written for Manzuma's domain (government
// innovation, change management, services), and generators that make documents of them with the spelling
// variety real records have (article, attached و/ب/ل, plurals, ة written ه, hamza forms, diacritics,
// tatweel, English terms inside Arabic text). No outside text is used.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace manzuma::bench {

// Content words, most frequent first (the generator draws them with a Zipf-like skew).
inline constexpr std::string_view kArabicWords[] = {
    "الابتكار",   "المؤسسة",     "الخدمات",    "التحول",    "الرقمي",     "الحكومية",     "التطوير",   "الأداء",
    "المشروع",    "البرنامج",    "الموظفين",   "التدريب",   "الجودة",     "الاستراتيجية", "التغيير",   "الإدارة",
    "الممارسة",   "التجربة",     "الفريق",     "المبادرة",  "النتائج",    "المؤشرات",     "الخطة",     "التنفيذ",
    "المستفيدين", "الشراكة",     "القطاع",     "الوزارة",   "الهيئة",     "المجلس",       "البيانات",  "المنصة",
    "الكفاءة",    "الإنتاجية",   "الاستدامة",  "الموارد",   "الميزانية",  "التكلفة",      "الوقت",     "الإجراءات",
    "السياسات",   "التشريعات",   "القيادة",    "الثقافة",   "المعرفة",    "التعلم",       "الدروس",    "التحديات",
    "الحلول",     "الأفكار",     "المقترحات",  "التقييم",   "القياس",     "الأثر",        "الرضا",     "المتعاملين",
    "القنوات",    "الإلكترونية", "الذكاء",     "الاصطناعي", "الأتمتة",    "التطبيقات",    "الأنظمة",   "الشبكة",
    "الأمن",      "السيبراني",   "الحوكمة",    "الشفافية",  "المساءلة",   "المشاركة",     "المجتمع",   "الشباب",
    "المرأة",     "التعليم",     "الصحة",      "النقل",     "الطاقة",     "المياه",       "البيئة",    "الزراعة",
    "السياحة",    "الاقتصاد",    "الاستثمار",  "التمويل",   "المالية",    "الضرائب",      "الجمارك",   "العمالة",
    "التوظيف",    "المهارات",    "القدرات",    "المواهب",   "الحوافز",    "المكافآت",     "التقدير",   "الجوائز",
    "المسابقة",   "الدورة",      "النسخة",     "المرحلة",   "المسار",     "الهدف",        "الرؤية",    "الرسالة",
    "القيم",      "المبادئ",     "المعايير",   "الإطار",    "النموذج",    "المنهجية",     "الأدوات",   "الدليل",
    "التقرير",    "الدراسة",     "البحث",      "التحليل",   "الاستبيان",  "المقابلات",    "الورشة",    "المؤتمر",
    "الملتقى",    "المنتدى",     "الزيارة",    "التعاون",   "التنسيق",    "التكامل",      "الربط",     "التواصل",
    "الاتصال",    "الإعلام",     "التوعية",    "الحملة",    "الرسائل",    "الجمهور",      "المواطنين", "المقيمين",
    "الشركات",    "المستثمرين",  "الجامعات",   "المدارس",   "المستشفيات", "البلديات",     "المحافظات", "الولايات",
    "المكاتب",    "الفروع",      "الأقسام",    "الإدارات",  "المديريات",  "الوحدات",      "اللجان",    "الفرق",
    "الأعضاء",    "الخبراء",     "المستشارين", "الشركاء",   "الموردين",   "العقود",       "المناقصات", "المشتريات",
    "المخزون",    "الأصول",      "المباني",    "المرافق",   "الصيانة",    "التشغيل",      "الاستجابة", "الطوارئ",
    "المخاطر",    "الامتثال",    "التدقيق",    "الرقابة",   "المتابعة",   "التقارير",     "الإحصاءات", "الأرقام",
    "النسبة",     "الزيادة",     "الانخفاض",   "التحسن",    "التوفير",    "الاختصار",     "التبسيط",   "التسريع",
    "الانتظار",   "المعاملات",   "الطلبات",    "الشكاوى",   "الملاحظات",  "الاقتراحات",   "التوصيات",  "القرارات",
    "الموافقة",   "الاعتماد",    "الإطلاق",    "التوسع",    "التعميم",    "التبني",       "النقل",     "المحاكاة",
    "التجريب",    "النمذجة",     "التصميم",    "التفكير",   "الإبداع",    "الريادة",      "الحاضنة",   "المختبر",
    "التحدي",     "الفرصة",      "القيمة",     "العائد",    "الوفر",      "الإيرادات",    "النفقات",   "الخسائر",
    "مؤسسات",     "مشاريع",      "برامج",      "خدمات",     "مبادرات",    "تجارب",        "ممارسات",   "موظفون",
    "مسؤول",      "مسئولية",     "شؤون",       "رئيس",      "مدير",       "منسق",         "قائد",      "وطني",
    "محلي",       "إقليمي",      "دولي",       "عالمي",     "متميز",      "ناجح",         "فعال",      "مستدام",
    "مبتكر",      "رقمية",       "ذكية",       "سريعة",     "جديدة",      "حديثة",        "متكاملة",   "شاملة",
    "تحسين",      "تطوير",       "تبسيط",      "تقليل",     "زيادة",      "رفع",          "بناء",      "إطلاق",
    "تمكين",      "تعزيز",       "دعم",        "قياس",      "تقييم",      "مراجعة",       "اعتماد",    "نشر",
};

inline constexpr std::string_view kEnglishWords[] = {
    "innovation",  "digital",    "transformation", "service",   "government", "strategy",   "performance",
    "quality",     "management", "change",         "program",   "project",    "initiative", "team",
    "training",    "customer",   "experience",     "data",      "platform",   "efficiency", "productivity",
    "agile",       "lean",       "design",         "thinking",  "framework",  "model",      "governance",
    "KPI",         "dashboard",  "analytics",      "AI",        "automation", "cloud",      "cybersecurity",
    "stakeholder", "engagement", "partnership",    "budget",    "cost",       "savings",    "impact",
    "assessment",  "evaluation", "lessons",        "learned",   "best",       "practice",   "adoption",
    "pilot",       "scaling",    "roadmap",        "milestone", "workshop",   "conference", "award",
};

// Function words that glue sentences (stopwords to the analyser).
inline constexpr std::string_view kArabicGlue[] = {"في",  "من",  "على",  "إلى", "عن",  "مع",   "التي", "الذي",
                                                   "هذه", "هذا", "كما",  "حيث", "بين", "خلال", "بعد",  "قبل",
                                                   "وقد", "كان", "كانت", "لدى", "عبر", "أن",   "إن",   "ثم"};

/// A small, fast, portable generator (std::uniform_int_distribution differs between libraries, and the
/// documents must be the same everywhere).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// 0 <= result < n.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// A skewed pick: small indexes are much more frequent, like words in real text.
  std::size_t skewed(std::size_t n) {
    const double u = static_cast<double>(next() >> 11) / static_cast<double>(1ull << 53);
    return static_cast<std::size_t>(static_cast<double>(n) * u * u * u) % n;
  }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

 private:
  std::uint64_t state_;
};

inline std::string strip_article(std::string_view w) {
  constexpr std::string_view al = "ال";
  if (w.substr(0, al.size()) == al && w.size() > al.size() + 4) return std::string(w.substr(al.size()));
  return std::string(w);
}

/// One Arabic word as writers vary it. Text draws its words with a strong skew (a few words are in most
/// documents); a searcher's words are any of the domain's (`uniform`), so their match sets range from most
/// of the index to a few percent of it.
inline std::string arabic_word(Rng& rng, bool uniform = false) {
  const std::size_t n = std::size(kArabicWords);
  std::string w{kArabicWords[uniform ? rng.below(n) : rng.skewed(n)]};
  const auto r = rng.below(100);
  if (r < 10) {
    w = strip_article(w);  // without the article
  } else if (r < 16) {
    w = "و" + w;  // with a conjunction
  } else if (r < 20) {
    w = "ل" + strip_article(w);  // with a preposition
  } else if (r < 23) {
    w = "بـ" + strip_article(w);  // with a preposition and a tatweel
  }
  // ة written as ه at the end, now and then.
  constexpr std::string_view teh = "ة";
  if (w.size() > teh.size() && std::string_view(w).substr(w.size() - teh.size()) == teh && rng.chance(20))
    w.replace(w.size() - teh.size(), teh.size(), "ه");
  // A vowel mark on one word in fifty.
  if (rng.chance(2)) w += "ُ";
  return w;
}

/// A sentence of `words` words: Arabic with glue words, or (one in eight) English.
inline void sentence(Rng& rng, std::size_t words, std::string& out) {
  const bool english = rng.below(8) == 0;
  for (std::size_t i = 0; i < words; ++i) {
    if (i) out += ' ';
    if (english) {
      out += kEnglishWords[rng.skewed(std::size(kEnglishWords))];
    } else if (i > 0 && rng.chance(30)) {
      out += kArabicGlue[rng.below(std::size(kArabicGlue))];
    } else {
      out += arabic_word(rng);
    }
  }
  out += english ? ". " : (rng.chance(20) ? "، " : ". ");
}

/// A title of 3–8 Arabic words.
inline std::string title(Rng& rng) {
  std::string t;
  const std::size_t n = 3 + rng.below(6);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) t += ' ';
    t += arabic_word(rng);
  }
  return t;
}

/// A body of about `words` words in sentences of 6–18 words, with a number and a year here and there.
inline std::string body(Rng& rng, std::size_t words) {
  std::string b;
  std::size_t done = 0;
  while (done < words) {
    const std::size_t n = 6 + rng.below(13);
    sentence(rng, n, b);
    done += n;
    if (rng.chance(15))
      b += "بنسبة " + std::to_string(5 + rng.below(90)) + "% في عام " + std::to_string(2015 + rng.below(11)) + ". ";
    if (rng.chance(10)) b += '\n';
  }
  return b;
}

}  // namespace manzuma::bench
