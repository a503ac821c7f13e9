# ruff: noqa: E501
COURSE = {
    "slug": "mobile-clinic-phc",
    "section": "ERB",
    "code": "PHC-110",
    "topic": {
        "en": "Primary health care",
        "ar": "الرعاية الصحية الأولية",
        "ckb": "چاودێری تەندروستی سەرەتایی",
    },
    "cme_hours": "16.0",
    "cadres": ["physician", "nurse", "midwife", "paramedic", "community-health-worker"],
    "accrediting_body": {
        "en": "Kurdistan Region Ministry of Health, Directorate of Primary Health Care",
        "ar": "وزارة الصحة في إقليم كوردستان، مديرية الرعاية الصحية الأولية",
        "ckb": "وەزارەتی تەندروستی هەرێمی کوردستان، بەڕێوەبەرایەتی چاودێری تەندروستی سەرەتایی",
    },
    "min_attendance_percent": 75,
    "pass_mark_percent": 70,
    "title": {
        "en": "Primary health care in mobile clinics: triage, infection prevention and referral",
        "ar": "الرعاية الصحية الأولية في العيادات المتنقلة: الفرز والوقاية من العدوى والإحالة",
        "ckb": "چاودێری تەندروستی سەرەتایی لە کلینیکە گەڕۆکەکاندا: پۆلێنکردن، ڕێگری لە تووشبوون و ڕەوانەکردن",
    },
    "summary": {
        "en": "Mobile clinics reach camps and villages far from a health centre. This course "
        "covers the three things a mobile team must get right every day: sorting patients by "
        "urgency, preventing infection with the little equipment a vehicle carries, and sending "
        "the patients who need more to the right place.",
        "ar": "تصل العيادات المتنقلة إلى المخيمات والقرى البعيدة عن المراكز الصحية. تغطي هذه "
        "الدورة ثلاثة أمور يجب أن يتقنها الفريق المتنقل كل يوم: فرز المرضى حسب الخطورة، والوقاية "
        "من العدوى بالمعدات القليلة التي تحملها المركبة، وإحالة من يحتاج إلى أكثر إلى المكان "
        "الصحيح.",
        "ckb": "کلینیکە گەڕۆکەکان دەگەنە کەمپ و گوندەکانی دوور لە بنکەی تەندروستی. ئەم خولە ئەو "
        "سێ شتە دەگرێتەوە کە تیمی گەڕۆک دەبێت هەموو ڕۆژێک بە دروستی بیکات: پۆلێنکردنی نەخۆشەکان "
        "بەپێی مەترسی، ڕێگریکردن لە تووشبوون بەو کەرەستە کەمەی ئۆتۆمبێلەکە هەڵیدەگرێت، و "
        "ڕەوانەکردنی ئەو نەخۆشانەی پێویستیان بە زیاترە بۆ شوێنی دروست.",
    },
    "objectives": {
        "en": "<ul><li>Triage every patient at arrival with the emergency signs.</li><li>Apply "
        "hand hygiene, safe injection and waste practices in a vehicle or tent.</li><li>Refer "
        "with a written note and follow the referral up.</li></ul>",
        "ar": "<ul><li>فرز كل مريض عند وصوله باستعمال علامات الطوارئ.</li><li>تطبيق نظافة "
        "اليدين والحقن الآمن وإدارة النفايات في مركبة أو خيمة.</li><li>الإحالة بورقة مكتوبة "
        "ومتابعة الإحالة.</li></ul>",
        "ckb": "<ul><li>پۆلێنکردنی هەموو نەخۆشێک لە کاتی گەیشتندا بە نیشانەکانی فریاکەوتن.</li>"
        "<li>جێبەجێکردنی پاکوخاوێنی دەست، دەرزیلێدانی سەلامەت و پاشماوە لە ئۆتۆمبێل یان "
        "خێوەتدا.</li><li>ڕەوانەکردن بە نووسراوێک و بەدواداچوونی ڕەوانەکردنەکە.</li></ul>",
    },
    "modules": [
        {
            "slug": "triage",
            "title": {
                "en": "Triage at the clinic door",
                "ar": "الفرز عند باب العيادة",
                "ckb": "پۆلێنکردن لە بەردەم دەرگای کلینیک",
            },
            "body": {
                "en": [
                    ("heading", "See the sickest first"),
                    (
                        "paragraph",
                        "<p>A mobile clinic may see a hundred patients in a morning, "
                        "and the queue forms before the team has unpacked. Put one trained person at "
                        "the entrance to look at every arrival for emergency signs before anyone "
                        "waits: obstructed breathing, severe respiratory distress, central cyanosis, "
                        "shock (cold hands with a weak, fast pulse), coma or convulsions, and severe "
                        "dehydration in a child.</p>",
                    ),
                    ("image", "triage-colours"),
                    (
                        "callout",
                        (
                            "protocol",
                            "Three colours",
                            "<p><b>Red</b>: an emergency sign; "
                            "treat now and arrange transfer. <b>Yellow</b>: a priority sign (tiny baby, "
                            "high fever, severe pain, pregnancy with bleeding, trauma); see next. "
                            "<b>Green</b>: none of these; wait in the queue.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "Triage corner set-up",
                            [
                                "Chair and table at the entrance, shaded",
                                "Thermometer, pulse oximeter and MUAC tape",
                                "Coloured cards or wristbands",
                                "Triage register",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "عاين الأشد مرضاً أولاً"),
                    (
                        "paragraph",
                        "<p>قد تستقبل العيادة المتنقلة مئة مريض في الصباح، ويتشكل "
                        "الطابور قبل أن يفرغ الفريق من التحضير. ضع شخصاً مدرباً عند المدخل ينظر في كل "
                        "قادم بحثاً عن علامات الطوارئ قبل أن ينتظر أحد: انسداد التنفس، الضائقة "
                        "التنفسية الشديدة، الزرقة المركزية، الصدمة (يدان باردتان مع نبض ضعيف سريع)، "
                        "الغيبوبة أو الاختلاج، والجفاف الشديد عند الطفل.</p>",
                    ),
                    ("image", "triage-colours"),
                    (
                        "callout",
                        (
                            "protocol",
                            "ثلاثة ألوان",
                            "<p><b>الأحمر</b>: علامة طوارئ؛ عالج "
                            "الآن ورتّب النقل. <b>الأصفر</b>: علامة أولوية (رضيع صغير جداً، حمى عالية، ألم "
                            "شديد، حمل مع نزف، إصابة)؛ يُعاين بعده. <b>الأخضر</b>: لا شيء مما سبق؛ ينتظر "
                            "في الطابور.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "تجهيز ركن الفرز",
                            [
                                "كرسي وطاولة عند المدخل في الظل",
                                "محرار وجهاز قياس التأكسج وشريط محيط منتصف الذراع",
                                "بطاقات أو أساور ملونة",
                                "سجل الفرز",
                            ],
                        ),
                    ),
                ],
                "ckb": [
                    ("heading", "سەرەتا نەخۆشترین کەس ببینە"),
                    (
                        "paragraph",
                        "<p>کلینیکی گەڕۆک لەوانەیە لە بەیانییەکدا سەد نەخۆش ببینێت، و "
                        "ڕیزەکە پێش ئەوەی تیمەکە ئامادە بێت دروست دەبێت. کەسێکی ڕاهێنراو لە دەروازەکە "
                        "دابنێ بۆ ئەوەی هەموو هاتوویەک بۆ نیشانەکانی فریاکەوتن بپشکنێت پێش ئەوەی کەس "
                        "چاوەڕێ بکات: گیرانی هەناسە، تەنگەنەفەسی توند، شینبوونەوەی ناوەندی، شۆک (دەستی "
                        "سارد لەگەڵ لێدانی دڵی لاواز و خێرا)، بێهۆشی یان تەشەنوج، و وشکبوونەوەی توند لە "
                        "منداڵدا.</p>",
                    ),
                    ("image", "triage-colours"),
                    (
                        "callout",
                        (
                            "protocol",
                            "سێ ڕەنگ",
                            "<p><b>سوور</b>: نیشانەی فریاکەوتن؛ ئێستا "
                            "چارەسەر بکە و گواستنەوە ڕێک بخە. <b>زەرد</b>: نیشانەی پێشینە (کۆرپەی زۆر بچووک، "
                            "تای بەرز، ئازاری توند، سکپڕی لەگەڵ خوێنبەربوون، برینداربوون)؛ دوای ئەو "
                            "دەبینرێت. <b>سەوز</b>: هیچ کام لەمانە نییە؛ لە ڕیزدا چاوەڕێ دەکات.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "ئامادەکردنی گۆشەی پۆلێنکردن",
                            [
                                "کورسی و مێز لە دەروازەکە، لە سێبەردا",
                                "گەرمیپێو، ئامێری پێوانی ئۆکسجین و شریتی MUAC",
                                "کارت یان بازنی ڕەنگاوڕەنگ",
                                "تۆماری پۆلێنکردن",
                            ],
                        ),
                    ),
                ],
            },
        },
        {
            "slug": "infection-prevention",
            "title": {
                "en": "Infection prevention and control on the road",
                "ar": "الوقاية من العدوى ومكافحتها أثناء التنقل",
                "ckb": "ڕێگری و کۆنترۆڵی تووشبوون لە ڕێگادا",
            },
            "body": {
                "en": [
                    ("heading", "Clean hands, safe sharps, sorted waste"),
                    (
                        "paragraph",
                        "<p>Without running water, alcohol-based hand rub is the "
                        "standard: 20–30 seconds, all surfaces of the hands, before and after every "
                        "patient contact, before any clean or aseptic procedure, and after touching "
                        "body fluids. Carry a 20-litre water container with a tap and liquid soap "
                        "for visibly dirty hands.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Never recap a needle",
                            "<p>Drop used needles and syringes straight into the safety box at the "
                            "point of use. Close the box when it is three-quarters full and bring it "
                            "back to the health centre for incineration; never burn it in the "
                            "open.</p>",
                        ),
                    ),
                    (
                        "paragraph",
                        "<p>Sort waste at the source into three containers: sharps "
                        "(yellow safety box), infectious waste (yellow bag) and general waste "
                        "(black bag). Wipe the examination couch and shared equipment with 0.1 % "
                        "chlorine or 70 % alcohol between patients and at the end of the day.</p>",
                    ),
                    ("handout", "ipc-poster"),
                    (
                        "checklist",
                        (
                            "End-of-day IPC round",
                            [
                                "Safety boxes closed and counted",
                                "Waste bags tied and loaded for the health centre",
                                "Surfaces and couch disinfected",
                                "Hand rub bottles refilled",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "أيدٍ نظيفة، وأدوات حادة آمنة، ونفايات مفرزة"),
                    (
                        "paragraph",
                        "<p>حين لا يتوفر ماء جارٍ، فإن معقم اليدين الكحولي هو المعيار: "
                        "20–30 ثانية، على جميع أسطح اليدين، قبل كل تماس مع المريض وبعده، وقبل أي إجراء "
                        "نظيف أو معقم، وبعد لمس سوائل الجسم. احمل حاوية ماء سعة 20 لتراً بحنفية مع صابون "
                        "سائل لليدين المتسختين بشكل ظاهر.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "لا تُعِد غطاء الإبرة أبداً",
                            "<p>ضع الإبر والمحاقن المستعملة مباشرة في صندوق الأمان في مكان الاستعمال. أغلق "
                            "الصندوق حين يمتلئ ثلاثة أرباعه وأعده إلى المركز الصحي للحرق؛ ولا تحرقه في "
                            "العراء أبداً.</p>",
                        ),
                    ),
                    (
                        "paragraph",
                        "<p>افرز النفايات من مصدرها في ثلاث حاويات: الأدوات الحادة (صندوق "
                        "الأمان الأصفر)، والنفايات المعدية (كيس أصفر)، والنفايات العامة (كيس أسود). امسح "
                        "سرير الفحص والأجهزة المشتركة بالكلور 0.1 % أو الكحول 70 % بين المرضى وفي نهاية "
                        "اليوم.</p>",
                    ),
                    ("handout", "ipc-poster"),
                    (
                        "checklist",
                        (
                            "جولة الوقاية من العدوى في نهاية اليوم",
                            [
                                "صناديق الأمان مغلقة ومعدودة",
                                "أكياس النفايات مربوطة ومحملة إلى المركز الصحي",
                                "الأسطح والسرير معقمة",
                                "قناني المعقم معادة التعبئة",
                            ],
                        ),
                    ),
                ],
                "ckb": [
                    ("heading", "دەستی پاک، ئامرازی تیژی سەلامەت، پاشماوەی جیاکراوە"),
                    (
                        "paragraph",
                        "<p>کاتێک ئاوی ڕۆیشتوو نییە، پاککەرەوەی کحولی دەست ستانداردە: "
                        "20–30 چرکە، بۆ هەموو ڕووەکانی دەست، پێش و دوای هەموو پەیوەندییەک لەگەڵ نەخۆش، "
                        "پێش هەر کارێکی پاک یان بێمیکرۆب، و دوای دەستلێدانی شلەکانی لەش. دەبەیەکی ئاوی "
                        "20 لیتری بە بەلووعە و سابوونی شل هەڵبگرە بۆ دەستی بە ئاشکرا پیس.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "هەرگیز سەرپۆشی دەرزی مەگەڕێنەوە",
                            "<p>دەرزی و سرنجە بەکارهاتووەکان ڕاستەوخۆ لە شوێنی بەکارهێناندا بخە ناو "
                            "سندوقی سەلامەتی. کاتێک سێ چارەکی پڕ بوو دایبخە و بیگەڕێنەوە بۆ بنکەی تەندروستی "
                            "بۆ سووتاندن؛ هەرگیز لە دەرەوە مەیسووتێنە.</p>",
                        ),
                    ),
                    (
                        "paragraph",
                        "<p>پاشماوە لە سەرچاوەکەیدا بکە بە سێ بەشەوە: ئامرازی تیژ "
                        "(سندوقی سەلامەتی زەرد)، پاشماوەی تووشکەر (کیسەی زەرد) و پاشماوەی گشتی (کیسەی "
                        "ڕەش). قەرەوێڵەی پشکنین و ئامێرە هاوبەشەکان بە کلۆری 0.1 % یان کحولی 70 % لە "
                        "نێوان نەخۆشەکان و لە کۆتایی ڕۆژدا بسڕەوە.</p>",
                    ),
                    ("handout", "ipc-poster"),
                    (
                        "checklist",
                        (
                            "گەڕانی کۆتایی ڕۆژ بۆ ڕێگری لە تووشبوون",
                            [
                                "سندوقەکانی سەلامەتی داخراون و ژمێردراون",
                                "کیسەکانی پاشماوە بەستراون و بۆ بنکەی تەندروستی بارکراون",
                                "ڕووەکان و قەرەوێڵەکە پاککراونەتەوە",
                                "بوتڵەکانی پاککەرەوە پڕکراونەتەوە",
                            ],
                        ),
                    ),
                ],
            },
        },
        {
            "slug": "referral",
            "title": {
                "en": "Referral that reaches the patient",
                "ar": "إحالة تصل إلى المريض فعلاً",
                "ckb": "ڕەوانەکردنێک کە بگاتە نەخۆش",
            },
            "body": {
                "en": [
                    ("heading", "A referral is a plan, not a piece of paper"),
                    (
                        "paragraph",
                        "<p>Refer when the patient needs care the mobile clinic cannot "
                        "give: a red triage sign after stabilisation, a pregnancy with danger signs, "
                        "a child who is not improving, a suspected surgical problem. Before the "
                        "patient leaves, agree with the family how they will travel, who pays, and "
                        "which facility will receive them; phone that facility when you can.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "The referral note",
                            "<p>Write the date, the "
                            "patient's name and age, what you found, what you gave (drug, dose, time), "
                            "why you refer, and your name and phone number. Give the note to the "
                            "patient and record the referral in the register.</p>",
                        ),
                    ),
                    ("slides", "referral-slides"),
                    (
                        "checklist",
                        (
                            "Follow-up at the next visit",
                            [
                                "Did the patient reach the facility?",
                                "What was the outcome?",
                                "Is a counter-referral note available?",
                                "Does the community know how to call the team?",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "الإحالة خطة، لا ورقة"),
                    (
                        "paragraph",
                        "<p>أحِل المريض حين يحتاج إلى رعاية لا تستطيع العيادة المتنقلة "
                        "تقديمها: علامة فرز حمراء بعد تثبيت الحالة، أو حمل مع علامات خطر، أو طفل لا "
                        "يتحسن، أو اشتباه بمشكلة جراحية. قبل أن يغادر المريض، اتفق مع العائلة كيف "
                        "سيسافرون ومن يدفع وأي مرفق سيستقبله؛ واتصل بذلك المرفق متى استطعت.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "ورقة الإحالة",
                            "<p>اكتب التاريخ، واسم المريض "
                            "وعمره، وما وجدت، وما أعطيت (الدواء والجرعة والوقت)، وسبب الإحالة، واسمك ورقم "
                            "هاتفك. أعطِ الورقة للمريض وسجّل الإحالة في السجل.</p>",
                        ),
                    ),
                    ("slides", "referral-slides"),
                    (
                        "checklist",
                        (
                            "المتابعة في الزيارة التالية",
                            [
                                "هل وصل المريض إلى المرفق؟",
                                "ما كانت النتيجة؟",
                                "هل توجد ورقة إحالة راجعة؟",
                                "هل يعرف المجتمع كيف يتصل بالفريق؟",
                            ],
                        ),
                    ),
                ],
                "ckb": [
                    ("heading", "ڕەوانەکردن پلانە، نەک پارچە کاغەزێک"),
                    (
                        "paragraph",
                        "<p>نەخۆش ڕەوانە بکە کاتێک پێویستی بە چاودێرییەکە کە کلینیکی "
                        "گەڕۆک ناتوانێت پێشکەشی بکات: نیشانەی سووری پۆلێنکردن دوای جێگیرکردن، سکپڕی "
                        "لەگەڵ نیشانەکانی مەترسی، منداڵێک کە باشتر نابێت، گومانی کێشەیەکی نەشتەرگەری. "
                        "پێش ئەوەی نەخۆش بڕوات، لەگەڵ خێزانەکەی ڕێک بکەوە چۆن دەڕۆن، کێ پارە دەدات و "
                        "کام دامەزراوە وەریدەگرێت؛ هەر کاتێک توانیت پەیوەندی بەو دامەزراوەیەوە "
                        "بکە.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "نووسراوی ڕەوانەکردن",
                            "<p>بەروار، ناو و تەمەنی "
                            "نەخۆش، ئەوەی دۆزیتەوە، ئەوەی پێتدا (دەرمان، بڕ، کات)، هۆکاری ڕەوانەکردن، و ناو "
                            "و ژمارەی تەلەفۆنی خۆت بنووسە. نووسراوەکە بدە بە نەخۆش و ڕەوانەکردنەکە لە "
                            "تۆمارەکەدا تۆمار بکە.</p>",
                        ),
                    ),
                    ("slides", "referral-slides"),
                    (
                        "checklist",
                        (
                            "بەدواداچوون لە سەردانی داهاتوودا",
                            [
                                "ئایا نەخۆشەکە گەیشتە دامەزراوەکە؟",
                                "ئەنجامەکە چی بوو؟",
                                "ئایا نووسراوی ڕەوانەکردنەوە هەیە؟",
                                "ئایا کۆمەڵگا دەزانێت چۆن پەیوەندی بە تیمەکەوە بکات؟",
                            ],
                        ),
                    ),
                ],
            },
        },
    ],
}
