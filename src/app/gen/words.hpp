#pragma once
// Word lists that ship with Manzuma, written for its domain (government innovation, change management,
// services): what `manzuma gen-data` composes names, titles and summaries from, and what the micro-benchmarks'
// search corpus (bench/micro/corpus.hpp) draws its documents from. No outside text is used.

#include <string_view>

namespace manzuma::app::gen {

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

/// A phrase in both languages.
struct Phrase {
  std::string_view ar;
  std::string_view en;
};

// People: first names (male, female) and family names, with the transliterations Omani records use.
inline constexpr Phrase kMaleNames[] = {
    {"محمد", "Mohammed"}, {"أحمد", "Ahmed"},    {"سالم", "Salim"},       {"خالد", "Khalid"},
    {"سعيد", "Saeed"},    {"علي", "Ali"},       {"حمد", "Hamad"},        {"ناصر", "Nasser"},
    {"يوسف", "Yousuf"},   {"سيف", "Saif"},      {"عبدالله", "Abdullah"}, {"سليمان", "Sulaiman"},
    {"راشد", "Rashid"},   {"خميس", "Khamis"},   {"هلال", "Hilal"},       {"مالك", "Malik"},
    {"طلال", "Talal"},    {"فيصل", "Faisal"},   {"مازن", "Mazin"},       {"بدر", "Badr"},
    {"حمود", "Hamood"},   {"سعود", "Saud"},     {"عمر", "Omar"},         {"إبراهيم", "Ibrahim"},
    {"زاهر", "Zahir"},    {"مصطفى", "Mustafa"}, {"حسن", "Hassan"},       {"منصور", "Mansoor"},
    {"هيثم", "Haitham"},  {"وليد", "Waleed"},   {"أنور", "Anwar"},       {"جمال", "Jamal"},
    {"مبارك", "Mubarak"}, {"نبهان", "Nabhan"},  {"عادل", "Adil"},        {"قيس", "Qais"},
    {"ماجد", "Majid"},    {"ياسر", "Yasser"},   {"حارث", "Harith"},      {"زكريا", "Zakariya"},
};
inline constexpr Phrase kFemaleNames[] = {
    {"مريم", "Maryam"},  {"فاطمة", "Fatma"},    {"عائشة", "Aisha"},  {"خديجة", "Khadija"}, {"زينب", "Zainab"},
    {"شيخة", "Shaikha"}, {"نورة", "Noora"},     {"موزة", "Muzna"},   {"سلمى", "Salma"},    {"أسماء", "Asma"},
    {"هدى", "Huda"},     {"ريم", "Reem"},       {"منى", "Muna"},     {"أمل", "Amal"},      {"بثينة", "Buthaina"},
    {"عزة", "Azza"},     {"رحمة", "Rahma"},     {"ليلى", "Laila"},   {"سارة", "Sara"},     {"جميلة", "Jamila"},
    {"وفاء", "Wafa"},    {"ابتسام", "Ibtisam"}, {"حليمة", "Halima"}, {"شمسة", "Shamsa"},   {"أروى", "Arwa"},
    {"ميثاء", "Maitha"}, {"رقية", "Ruqaya"},    {"نوال", "Nawal"},   {"بشرى", "Bushra"},   {"هاجر", "Hajar"},
};
/// Family names; the feminine Arabic form (…ية) is made from the masculine by the generator.
inline constexpr Phrase kFamilyNames[] = {
    {"الحارثي", "Al Harthi"},   {"البلوشي", "Al Balushi"},  {"الكندي", "Al Kindi"},     {"الرواحي", "Al Rawahi"},
    {"المعمري", "Al Maamari"},  {"الشكيلي", "Al Shukaili"}, {"الهنائي", "Al Hinai"},    {"البوسعيدي", "Al Busaidi"},
    {"الغافري", "Al Ghafri"},   {"السيابي", "Al Siyabi"},   {"العبري", "Al Abri"},      {"الحبسي", "Al Habsi"},
    {"الريامي", "Al Riyami"},   {"الراشدي", "Al Rashdi"},   {"الشامسي", "Al Shamsi"},   {"المقبالي", "Al Maqbali"},
    {"الفارسي", "Al Farsi"},    {"اللواتي", "Al Lawati"},   {"الجابري", "Al Jabri"},    {"النبهاني", "Al Nabhani"},
    {"الخروصي", "Al Kharusi"},  {"العامري", "Al Amri"},     {"الكلباني", "Al Kalbani"}, {"البريكي", "Al Breiki"},
    {"السعدي", "Al Saadi"},     {"الوهيبي", "Al Wahaibi"},  {"الحضرمي", "Al Hadhrami"}, {"المحروقي", "Al Mahrouqi"},
    {"العلوي", "Al Alawi"},     {"الزدجالي", "Al Zadjali"}, {"الرئيسي", "Al Raisi"},    {"الشحي", "Al Shehhi"},
    {"البطاشي", "Al Battashi"}, {"الحسني", "Al Hasani"},    {"المسكري", "Al Maskari"},  {"الإسماعيلي", "Al Ismaili"},
    {"التوبي", "Al Toobi"},     {"الصوافي", "Al Sawafi"},   {"المعولي", "Al Mawali"},   {"الجهوري", "Al Jahwari"},
};

// Organisations.
/// What a ministry is for: "وزارة {ar}" / "Ministry of {en}".
inline constexpr Phrase kMinistrySubjects[] = {
    {"العمل", "Labour"},
    {"الصحة", "Health"},
    {"التربية والتعليم", "Education"},
    {"التعليم العالي والبحث العلمي والابتكار", "Higher Education, Research and Innovation"},
    {"الداخلية", "Interior"},
    {"الخارجية", "Foreign Affairs"},
    {"المالية", "Finance"},
    {"الاقتصاد", "Economy"},
    {"التجارة والصناعة وترويج الاستثمار", "Commerce, Industry and Investment Promotion"},
    {"النقل والاتصالات وتقنية المعلومات", "Transport, Communications and Information Technology"},
    {"الإسكان والتخطيط العمراني", "Housing and Urban Planning"},
    {"الثقافة والرياضة والشباب", "Culture, Sports and Youth"},
    {"التراث والسياحة", "Heritage and Tourism"},
    {"الطاقة والمعادن", "Energy and Minerals"},
    {"الثروة الزراعية والسمكية وموارد المياه", "Agriculture, Fisheries and Water Resources"},
    {"التنمية الاجتماعية", "Social Development"},
    {"العدل والشؤون القانونية", "Justice and Legal Affairs"},
    {"الأوقاف والشؤون الدينية", "Endowments and Religious Affairs"},
    {"الإعلام", "Information"},
    {"الخدمة المدنية", "Civil Service"},
    {"البيئة والشؤون المناخية", "Environment and Climate Affairs"},
    {"الاقتصاد الرقمي", "Digital Economy"},
    {"الشؤون البلدية", "Municipal Affairs"},
    {"الأمن الغذائي", "Food Security"},
    {"الموارد البشرية", "Human Resources"},
    {"التخطيط", "Planning"},
    {"المياه", "Water"},
    {"الكهرباء", "Electricity"},
    {"النفط والغاز", "Oil and Gas"},
    {"الموانئ والشؤون البحرية", "Ports and Maritime Affairs"},
    {"الطيران المدني", "Civil Aviation"},
    {"الأسرة والطفولة", "Family and Childhood"},
    {"الصحة العامة", "Public Health"},
    {"البحث العلمي", "Scientific Research"},
    {"الابتكار", "Innovation"},
    {"الاستثمار", "Investment"},
    {"التنمية الاقتصادية", "Economic Development"},
    {"شؤون مجلس الوزراء", "Cabinet Affairs"},
    {"الرياضة", "Sports"},
    {"الشباب", "Youth"},
    {"الثقافة", "Culture"},
    {"السياحة", "Tourism"},
    {"الزراعة", "Agriculture"},
    {"الثروة السمكية", "Fisheries"},
    {"الصناعة", "Industry"},
    {"التجارة", "Commerce"},
    {"المواصلات", "Communications"},
    {"تقنية المعلومات", "Information Technology"},
    {"الشؤون القانونية", "Legal Affairs"},
    {"الإسكان", "Housing"},
    {"التخطيط العمراني", "Urban Planning"},
    {"الدفاع", "Defence"},
    {"الشؤون الاجتماعية", "Social Affairs"},
    {"التعليم التقني والتدريب المهني", "Technical Education and Vocational Training"},
    {"الطاقة المتجددة", "Renewable Energy"},
    {"الاتصال الحكومي", "Government Communication"},
    {"التعدين", "Mining"},
    {"اللوجستيات", "Logistics"},
    {"الإحصاء والمعلومات", "Statistics and Information"},
    {"التنمية المحلية", "Local Development"},
    {"الشؤون الرياضية", "Sports Affairs"},
    {"الموارد المائية", "Water Resources"},
    {"الأمن السيبراني", "Cybersecurity"},
    {"المدن الذكية", "Smart Cities"},
};
/// Kinds of authority: "{ar} {subject}" / "{en} {subject}".
inline constexpr Phrase kAuthorityPrefixes[] = {
    {"الهيئة العامة", "Public Authority for"},
    {"المركز الوطني", "National Centre for"},
    {"المجلس الأعلى", "Supreme Council for"},
    {"هيئة تنظيم", "Regulatory Authority for"},
};
/// What an authority, company, society or college works on: "ل{ar}" / "{en}".
inline constexpr Phrase kFields[] = {
    {"حماية المستهلك", "Consumer Protection"},
    {"الاتصالات", "Telecommunications"},
    {"المواصفات والمقاييس", "Standards and Metrology"},
    {"الوثائق والمحفوظات", "Records and Archives"},
    {"الإحصاء والمعلومات", "Statistics and Information"},
    {"الطيران المدني", "Civil Aviation"},
    {"الخدمات العامة", "Public Services"},
    {"المناطق الاقتصادية الخاصة", "Special Economic Zones"},
    {"تنمية المؤسسات الصغيرة والمتوسطة", "Small and Medium Enterprise Development"},
    {"الأمن الغذائي", "Food Security"},
    {"الطاقة المتجددة", "Renewable Energy"},
    {"المياه", "Water"},
    {"الكهرباء", "Electricity"},
    {"الإسكان", "Housing"},
    {"الطرق", "Roads"},
    {"الموانئ", "Ports"},
    {"السياحة", "Tourism"},
    {"التراث", "Heritage"},
    {"التقييم والاعتماد الأكاديمي", "Academic Accreditation"},
    {"التدريب المهني", "Vocational Training"},
    {"الضمان الاجتماعي", "Social Protection"},
    {"التأمينات", "Social Insurance"},
    {"الاستثمار", "Investment"},
    {"الخدمات المالية", "Financial Services"},
    {"الأسواق", "Markets"},
    {"البيئة", "Environment"},
    {"الصحة", "Health"},
    {"الدواء والغذاء", "Food and Drugs"},
    {"الأمن السيبراني", "Cybersecurity"},
    {"الحكومة الرقمية", "Digital Government"},
    {"الابتكار", "Innovation"},
    {"ريادة الأعمال", "Entrepreneurship"},
    {"الموارد البشرية", "Human Resources"},
    {"الجودة", "Quality"},
    {"التخطيط", "Planning"},
    {"النقل البري", "Land Transport"},
    {"اللوجستيات", "Logistics"},
    {"الشباب", "Youth"},
    {"الرياضة", "Sports"},
    {"الثقافة", "Culture"},
};
/// Company names: "شركة {ar}" / "{en} Company", with "العُمانية" / "Oman" for government companies.
inline constexpr Phrase kCompanySectors[] = {
    {"النفط", "Oil"},
    {"الغاز", "Gas"},
    {"الاتصالات", "Telecom"},
    {"الطيران", "Aviation"},
    {"الموانئ", "Ports"},
    {"الكهرباء", "Electricity"},
    {"المياه", "Water"},
    {"الأسماك", "Fisheries"},
    {"التعدين", "Mining"},
    {"السياحة", "Tourism"},
    {"العقارات", "Real Estate"},
    {"الأغذية", "Food"},
    {"الأسمنت", "Cement"},
    {"اللوجستيات", "Logistics"},
    {"البتروكيماويات", "Petrochemicals"},
    {"الشحن", "Shipping"},
    {"البريد", "Post"},
    {"الاستثمار", "Investment"},
    {"التأمين", "Insurance"},
    {"التقنية", "Technology"},
    {"الخدمات النفطية", "Oilfield Services"},
    {"الهندسة", "Engineering"},
    {"الإنشاءات", "Construction"},
    {"الطاقة", "Energy"},
};
/// Suffixes that make a company name whole: "{sector} {ar}" / "{sector} {en}".
inline constexpr Phrase kCompanySuffixes[] = {
    {"القابضة", "Holding"},      {"المتحدة", "United"},        {"الوطنية", "National"}, {"الحديثة", "Modern"},
    {"الخليجية", "Gulf"},        {"الدولية", "International"}, {"للخدمات", "Services"}, {"للتطوير", "Development"},
    {"المتكاملة", "Integrated"}, {"للحلول", "Solutions"},
};
/// Academic institutions: "{ar}" / "{en}".
inline constexpr Phrase kAcademicNames[] = {
    {"جامعة السلطان قابوس", "Sultan Qaboos University"},
    {"الأكاديمية السلطانية للإدارة", "Sultanate Academy for Administration"},
    {"جامعة التقنية والعلوم التطبيقية", "University of Technology and Applied Sciences"},
    {"جامعة نزوى", "University of Nizwa"},
    {"جامعة صحار", "Sohar University"},
    {"جامعة ظفار", "Dhofar University"},
    {"الجامعة العربية المفتوحة", "Arab Open University"},
    {"جامعة البريمي", "University of Buraimi"},
    {"جامعة الشرقية", "A'Sharqiyah University"},
    {"الجامعة الألمانية للتكنولوجيا", "German University of Technology"},
    {"كلية عُمان للإدارة والتكنولوجيا", "Oman College of Management and Technology"},
    {"كلية الدراسات المصرفية والمالية", "College of Banking and Financial Studies"},
    {"معهد الإدارة العامة", "Institute of Public Administration"},
    {"كلية مزون", "Mazoon College"},
    {"كلية الزهراء للبنات", "Al Zahra College for Women"},
    {"كلية الشرق الأوسط", "Middle East College"},
    {"الكلية الحديثة للتجارة والعلوم", "Modern College of Business and Science"},
    {"كلية البيان", "Al Bayan College"},
    {"معهد عُمان للمحاسبين القانونيين", "Oman Institute of Chartered Accountants"},
    {"كلية الخليج", "Gulf College"},
};
/// Oman's governorates and a city in each (for branches, places, and the governorate column).
struct Governorate {
  std::string_view ar;
  std::string_view en;
  std::string_view city_ar;
  std::string_view city_en;
};
inline constexpr Governorate kGovernorates[] = {
    {"مسقط", "Muscat", "مسقط", "Muscat"},
    {"ظفار", "Dhofar", "صلالة", "Salalah"},
    {"مسندم", "Musandam", "خصب", "Khasab"},
    {"البريمي", "Al Buraimi", "البريمي", "Al Buraimi"},
    {"الداخلية", "Ad Dakhiliyah", "نزوى", "Nizwa"},
    {"شمال الباطنة", "North Al Batinah", "صحار", "Sohar"},
    {"جنوب الباطنة", "South Al Batinah", "الرستاق", "Rustaq"},
    {"جنوب الشرقية", "South Ash Sharqiyah", "صور", "Sur"},
    {"شمال الشرقية", "North Ash Sharqiyah", "إبراء", "Ibra"},
    {"الظاهرة", "Ad Dhahirah", "عبري", "Ibri"},
    {"الوسطى", "Al Wusta", "هيماء", "Haima"},
};

// Practices and research: titles are "{action} {object} {qualifier}".
inline constexpr Phrase kPracticeActions[] = {
    {"تطوير", "Developing"},    {"تحسين", "Improving"},  {"تبسيط", "Simplifying"},
    {"أتمتة", "Automating"},    {"قياس", "Measuring"},   {"إدارة", "Managing"},
    {"تعزيز", "Strengthening"}, {"حوكمة", "Governing"},  {"إعادة هندسة", "Re-engineering"},
    {"رقمنة", "Digitising"},    {"توحيد", "Unifying"},   {"تسريع", "Accelerating"},
    {"تمكين", "Enabling"},      {"مراجعة", "Reviewing"}, {"بناء", "Building"},
};
/// The object of a practice, with the category it files under (practices/model.hpp's PracticeCategory).
struct PracticeObject {
  std::string_view ar;
  std::string_view en;
  std::string_view category;
};
inline constexpr PracticeObject kPracticeObjects[] = {
    {"إجراءات الخدمات الحكومية", "government service procedures", "continuous_improvement"},
    {"تجربة المتعاملين", "the customer experience", "continuous_improvement"},
    {"إدارة المخاطر المؤسسية", "enterprise risk management", "risk_management"},
    {"سجل المخاطر التشغيلية", "the operational risk register", "risk_management"},
    {"خطط استمرارية الأعمال", "business continuity plans", "risk_management"},
    {"الأداء المؤسسي", "institutional performance", "performance"},
    {"مؤشرات الأداء الرئيسية", "key performance indicators", "performance"},
    {"تقييم أداء الموظفين", "employee performance appraisal", "performance"},
    {"ثقافة الابتكار", "the culture of innovation", "organizational_culture"},
    {"بيئة العمل الإيجابية", "a positive workplace", "organizational_culture"},
    {"قيم المؤسسة", "organisational values", "organizational_culture"},
    {"تأهيل الموظفين الجدد", "the onboarding of new employees", "onboarding"},
    {"برنامج الإرشاد الوظيفي", "the mentoring programme", "onboarding"},
    {"القيادات الوسطى", "middle management leaders", "leadership"},
    {"إعداد قادة المستقبل", "the preparation of future leaders", "leadership"},
    {"فرق إدارة التغيير", "change management teams", "change_management"},
    {"التواصل أثناء التغيير", "communication during change", "change_management"},
    {"جاهزية المؤسسة للتغيير", "organisational readiness for change", "change_management"},
    {"المشاريع ذات الأولوية", "priority projects", "accelerating_change"},
    {"مختبرات تسريع الإنجاز", "delivery acceleration labs", "accelerating_change"},
    {"التحول الرقمي", "digital transformation", "accelerating_change"},
    {"إدارة المعرفة", "knowledge management", "continuous_improvement"},
    {"الاقتراحات والأفكار", "suggestions and ideas", "continuous_improvement"},
    {"إدارة المشتريات", "procurement management", "performance"},
    {"إدارة الوقت والاجتماعات", "time and meeting management", "other"},
    {"الصحة والسلامة المهنية", "occupational health and safety", "other"},
    {"البيانات المفتوحة", "open data", "other"},
    {"الموازنة القائمة على البرامج", "programme-based budgeting", "performance"},
};
inline constexpr Phrase kPracticeQualifiers[] = {
    {"في القطاع الحكومي", "in the government sector"},
    {"باستخدام الذكاء الاصطناعي", "using artificial intelligence"},
    {"عبر منصة رقمية موحدة", "through a unified digital platform"},
    {"بمنهجية الإدارة الرشيقة", "with lean management"},
    {"بالشراكة مع القطاع الخاص", "in partnership with the private sector"},
    {"في المديريات والفروع", "across directorates and branches"},
    {"على مستوى المحافظات", "across the governorates"},
    {"بالاعتماد على البيانات", "driven by data"},
    {"وفق أفضل الممارسات الدولية", "to international best practice"},
    {"بمشاركة المستفيدين", "with the beneficiaries"},
    {"من خلال التدريب العملي", "through hands-on training"},
    {"خلال ستة أشهر", "within six months"},
    {"بأقل تكلفة", "at lower cost"},
    {"في مراكز خدمة المتعاملين", "in customer service centres"},
    {"للخدمات الإلكترونية", "for e-services"},
    {"في المشاريع الكبرى", "in major projects"},
};
inline constexpr Phrase kStudyPrefixes[] = {
    {"أثر", "The impact of"},
    {"دراسة تحليلية حول", "An analytical study of"},
    {"واقع", "The state of"},
    {"متطلبات", "Requirements for"},
    {"دور", "The role of"},
    {"تقييم تجربة", "Evaluating the experience of"},
    {"عوامل نجاح", "Success factors in"},
    {"قياس فاعلية", "Measuring the effectiveness of"},
};
// Summary sentences: "تهدف الممارسة إلى {goal} من خلال {means}، وأسهمت في {result} بنسبة n%."
inline constexpr Phrase kGoals[] = {
    {"رفع كفاءة الخدمات", "raise the efficiency of services"},
    {"تقليص زمن إنجاز المعاملات", "cut the time transactions take"},
    {"تحسين رضا المتعاملين", "improve customer satisfaction"},
    {"خفض التكاليف التشغيلية", "lower operating costs"},
    {"تعزيز الشفافية والمساءلة", "strengthen transparency and accountability"},
    {"تمكين الموظفين من الابتكار", "enable staff to innovate"},
    {"توحيد الإجراءات بين الفروع", "align procedures across branches"},
    {"الاستباق في إدارة المخاطر", "manage risks before they arise"},
};
inline constexpr Phrase kMeans[] = {
    {"إعادة تصميم الإجراءات", "redesigning procedures"},
    {"أتمتة المعاملات الورقية", "automating paper transactions"},
    {"تدريب فرق العمل", "training the teams"},
    {"لوحة متابعة للمؤشرات", "a dashboard of indicators"},
    {"مختبرات الابتكار", "innovation labs"},
    {"استبيانات دورية للمستفيدين", "regular beneficiary surveys"},
    {"تحليل البيانات التشغيلية", "analysing operational data"},
    {"اجتماعات متابعة أسبوعية", "weekly follow-up meetings"},
};
inline constexpr Phrase kResults[] = {
    {"خفض زمن الانتظار", "shorter waiting times"},
    {"زيادة الإنتاجية", "higher productivity"},
    {"تحسين رضا المتعاملين", "better customer satisfaction"},
    {"توفير النفقات", "lower spending"},
    {"تقليل الأخطاء", "fewer errors"},
    {"رفع نسبة الإنجاز", "a higher completion rate"},
};
inline constexpr Phrase kPrerequisites[] = {
    {"دعم الإدارة العليا وفريق عمل متفرغ", "Support from top management and a dedicated team"},
    {"بيانات أساسية موثوقة عن الوضع الراهن", "Reliable baseline data on the current state"},
    {"منصة إلكترونية ومهارات رقمية لدى الموظفين", "An e-platform and digital skills among staff"},
    {"ميزانية للتدريب وخطة تواصل داخلي", "A training budget and an internal communication plan"},
};

// Toolkits, plans, indicators.
struct ToolkitTitle {
  std::string_view ar;
  std::string_view en;
  std::string_view kind;  // practices/model.hpp's ToolkitKind
};
inline constexpr ToolkitTitle kToolkitTitles[] = {
    {"دليل التطبيق", "Implementation guide", "guide"},
    {"دليل الإجراءات", "Procedures manual", "guide"},
    {"نموذج خطة العمل", "Action plan template", "template_file"},
    {"نموذج قياس المؤشرات", "Indicator measurement template", "template_file"},
    {"قائمة التحقق", "Checklist", "template_file"},
    {"عرض تدريبي", "Training slides", "training"},
    {"تسجيل الورشة التدريبية", "Workshop recording", "training"},
    {"دراسة حالة", "Case study", "other"},
    {"الأسئلة الشائعة", "Frequently asked questions", "other"},
};
/// The steps of an applied implementation plan, in order.
inline constexpr Phrase kPlanActions[] = {
    {"تشكيل فريق العمل وتحديد المسؤوليات", "Form the team and assign responsibilities"},
    {"تحليل الوضع الراهن وجمع البيانات", "Analyse the current state and collect data"},
    {"تصميم الإجراءات الجديدة", "Design the new procedures"},
    {"تدريب الموظفين المعنيين", "Train the staff concerned"},
    {"إطلاق التطبيق التجريبي", "Launch the pilot"},
    {"قياس نتائج التجربة ومعالجة الملاحظات", "Measure the pilot and address findings"},
    {"تعميم التطبيق على جميع الوحدات", "Roll out to every unit"},
    {"إعداد التقرير الختامي ونشر الدروس المستفادة", "Write the final report and share lessons learned"},
};
inline constexpr Phrase kMilestones[] = {
    {"اعتماد الخطة التفصيلية", "Detailed plan approved"},
    {"اكتمال التطبيق التجريبي", "Pilot complete"},
    {"التعميم الكامل", "Full roll-out"},
};
struct IndicatorKind {
  std::string_view ar;
  std::string_view en;
  std::string_view unit;
  bool increase;
  double baseline_low, baseline_high;
  double change;  // how far the target lies from the baseline, as a share of it
};
inline constexpr IndicatorKind kIndicators[] = {
    {"نسبة رضا المتعاملين", "Customer satisfaction", "%", true, 55, 75, 0.25},
    {"متوسط زمن إنجاز المعاملة", "Average transaction time", "days", false, 5, 30, 0.5},
    {"نسبة المعاملات الإلكترونية", "Share of electronic transactions", "%", true, 20, 60, 0.6},
    {"عدد الشكاوى الشهرية", "Complaints per month", "complaints", false, 40, 300, 0.4},
    {"نسبة إنجاز المشاريع في موعدها", "Projects delivered on time", "%", true, 40, 70, 0.3},
    {"تكلفة الخدمة الواحدة", "Cost per service", "OMR", false, 8, 40, 0.3},
    {"عدد الأفكار المطبقة", "Ideas implemented", "ideas", true, 2, 15, 1.0},
    {"ساعات التدريب لكل موظف", "Training hours per employee", "hours", true, 4, 20, 0.8},
};
inline constexpr std::string_view kRejectionReasons[] = {
    "لا تتوافق الدراسة مع محاور النسخة الحالية",
    "المنهجية تحتاج إلى بيانات ميدانية أوسع",
    "النتائج غير قابلة للتعميم على الجهات الحكومية",
    "تكرار لدراسة سابقة معتمدة",
};
inline constexpr std::string_view kReviewComments[] = {
    "منهجية واضحة ونتائج قابلة للتطبيق.",
    "يُقترح توسيع العينة لتشمل المحافظات.",
    "الدراسة جيدة وتحتاج إلى مراجعة لغوية.",
    "تُوصى بتحويلها إلى ممارسة مع دليل تطبيق.",
    "The literature review is thorough; the data section needs more detail.",
};
inline constexpr std::string_view kDiscussion[] = {
    "تم رفع النسخة المحدثة من الدراسة.",          "هل يمكن إضافة مقارنة مع تجارب دول الخليج؟",
    "شكراً على الملاحظات، سنأخذها بعين الاعتبار.", "أرفقنا نتائج الاستبيان الميداني.",
    "Could you share the survey instrument?",
};

// Events and partnerships.
inline constexpr Phrase kVenues[] = {
    {"قاعة المؤتمرات", "Conference Hall"},
    {"مركز التدريب", "Training Centre"},
    {"مركز عُمان للمؤتمرات والمعارض", "Oman Convention and Exhibition Centre"},
    {"قاعة الاجتماعات الكبرى", "Main Meeting Hall"},
    {"عن بُعد", "Online"},
};
inline constexpr Phrase kCooperationAreas[] = {
    {"تبادل الخبرات", "Exchange of expertise"},
    {"التدريب وبناء القدرات", "Training and capacity building"},
    {"البحث والتطوير", "Research and development"},
    {"التحول الرقمي", "Digital transformation"},
    {"تطوير الخدمات", "Service improvement"},
    {"الابتكار المؤسسي", "Institutional innovation"},
    {"تبادل البيانات", "Data sharing"},
    {"إدارة المشاريع", "Project management"},
    {"الجودة والتميز", "Quality and excellence"},
    {"الاستدامة", "Sustainability"},
};
inline constexpr Phrase kFollowUps[] = {
    {"عقد الاجتماع الأول للجنة المشتركة", "Hold the first joint committee meeting"},
    {"إعداد خطة العمل التنفيذية", "Prepare the executive work plan"},
    {"تنفيذ برنامج التدريب المشترك", "Deliver the joint training programme"},
    {"تقديم التقرير نصف السنوي", "Submit the half-year report"},
    {"تقييم نتائج التعاون", "Evaluate the results of the cooperation"},
    {"تنظيم زيارة ميدانية", "Organise a field visit"},
};

}  // namespace manzuma::app::gen
