# ruff: noqa: E501
COURSE = {
    "slug": "medical-oxygen",
    "section": "KIR",
    "code": "OXY-101",
    "topic": {"en": "Medical oxygen", "ar": "الأوكسجين الطبي"},
    "cme_hours": "12.0",
    "cadres": ["biomedical-engineer", "nurse", "anaesthesia-technician", "hospital-manager"],
    "accrediting_body": {
        "en": "Ministry of Health, Training and Human Development Centre",
        "ar": "وزارة الصحة، مركز التدريب والتنمية البشرية",
    },
    "min_attendance_percent": 80,
    "pass_mark_percent": 70,
    "title": {
        "en": "Medical oxygen management and biomedical support",
        "ar": "إدارة الأوكسجين الطبي والدعم الهندسي الطبي",
    },
    "summary": {
        "en": "How a hospital keeps oxygen flowing safely: sources (cylinders, concentrators, PSA "
        "plants), pipeline and storage safety, daily checks, pulse oximetry and titration, and the "
        "preventive maintenance that keeps concentrators and regulators working.",
        "ar": "كيف يحافظ المستشفى على تدفق الأوكسجين بأمان: المصادر (الأسطوانات والمكثفات ومحطات "
        "PSA)، وسلامة الشبكة والخزن، والفحوص اليومية، وقياس التشبع وضبط الجرعة، والصيانة "
        "الوقائية التي تُبقي المكثفات والمنظمات عاملة.",
    },
    "objectives": {
        "en": "<ul><li>Name the oxygen sources in your facility and the strengths and limits of "
        "each.</li><li>Store, move and connect cylinders safely.</li><li>Titrate oxygen to a "
        "target SpO₂ and recognise when a patient needs more than a nasal cannula.</li><li>Keep "
        "a maintenance log and carry out first-line maintenance of concentrators.</li></ul>",
        "ar": "<ul><li>تسمية مصادر الأوكسجين في مؤسستك ونقاط قوة كل منها وحدوده.</li><li>خزن "
        "الأسطوانات ونقلها وربطها بأمان.</li><li>ضبط جرعة الأوكسجين للوصول إلى نسبة تشبع مستهدفة، "
        "وتمييز متى يحتاج المريض إلى أكثر من القنية الأنفية.</li><li>مسك سجل الصيانة وإجراء "
        "الصيانة الأولية للمكثفات.</li></ul>",
    },
    "modules": [
        {
            "slug": "oxygen-sources",
            "title": {
                "en": "Oxygen sources: cylinders, concentrators and PSA plants",
                "ar": "مصادر الأوكسجين: الأسطوانات والمكثفات ومحطات PSA",
            },
            "body": {
                "en": [
                    ("heading", "Three ways to supply oxygen"),
                    (
                        "paragraph",
                        "<p>Most Iraqi hospitals combine three sources. <b>Cylinders</b> "
                        "hold compressed oxygen at about 150–200 bar and need no electricity, which "
                        "makes them the back-up of every ward. <b>Oxygen concentrators</b> draw room "
                        "air through zeolite sieves and deliver 5–10 litres per minute of 90–96 % "
                        "oxygen at the bedside, as long as there is power. <b>PSA plants</b> "
                        "(pressure swing adsorption) work on the same principle at hospital scale and "
                        "feed the pipeline or fill cylinders on site.</p>",
                    ),
                    ("image", "oxygen-sources"),
                    (
                        "paragraph",
                        "<p>Choose the source by the need: a concentrator suits one "
                        "patient on low flow; a ward of patients on high-flow devices needs the "
                        "pipeline; transport and power cuts need cylinders. Every area that gives "
                        "oxygen must have a back-up that does not depend on the same power or "
                        "supply line.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "Back-up rule",
                            "<p>Keep at least one full cylinder "
                            "with a working regulator and flowmeter in every ward and in every ambulance, "
                            "checked at the start of each shift.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "Before you rely on a source",
                            [
                                "The concentrator's purity indicator shows green (above 82 %)",
                                "The cylinder's contents gauge reads more than a quarter",
                                "The pipeline outlet pressure is 4 bar",
                                "The back-up source is within reach and works",
                            ],
                        ),
                    ),
                    ("slides", "oxygen-slides"),
                ],
                "ar": [
                    ("heading", "ثلاث طرق لتجهيز الأوكسجين"),
                    (
                        "paragraph",
                        "<p>تجمع أغلب مستشفيات العراق بين ثلاثة مصادر. <b>الأسطوانات</b> "
                        "تحوي أوكسجيناً مضغوطاً بنحو 150–200 بار ولا تحتاج إلى الكهرباء، ولهذا فهي "
                        "الاحتياط في كل ردهة. <b>مكثفات الأوكسجين</b> تسحب هواء الغرفة عبر مناخل "
                        "الزيوليت وتعطي 5–10 لترات في الدقيقة من أوكسجين بنقاوة 90–96 % بجانب السرير، "
                        "ما دامت الكهرباء متوفرة. <b>محطات PSA</b> (الامتزاز بتأرجح الضغط) تعمل بالمبدأ "
                        "نفسه على مستوى المستشفى وتغذي الشبكة أو تملأ الأسطوانات في الموقع.</p>",
                    ),
                    ("image", "oxygen-sources"),
                    (
                        "paragraph",
                        "<p>اختر المصدر حسب الحاجة: المكثف يناسب مريضاً واحداً على "
                        "تدفق منخفض؛ والردهة التي فيها مرضى على أجهزة التدفق العالي تحتاج إلى الشبكة؛ "
                        "والنقل وانقطاع الكهرباء يحتاجان إلى الأسطوانات. يجب أن يكون لكل مكان يُعطى فيه "
                        "الأوكسجين مصدر احتياطي لا يعتمد على الكهرباء نفسها أو خط التجهيز نفسه.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "قاعدة الاحتياط",
                            "<p>احتفظ بأسطوانة ممتلئة واحدة على "
                            "الأقل مع منظم ومقياس تدفق يعملان في كل ردهة وكل سيارة إسعاف، وافحصها في "
                            "بداية كل وجبة عمل.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "قبل أن تعتمد على مصدر",
                            [
                                "مؤشر نقاوة المكثف أخضر (أعلى من 82 %)",
                                "مقياس محتوى الأسطوانة يقرأ أكثر من الربع",
                                "ضغط مخرج الشبكة 4 بار",
                                "المصدر الاحتياطي في متناول اليد ويعمل",
                            ],
                        ),
                    ),
                    ("slides", "oxygen-slides"),
                ],
            },
        },
        {
            "slug": "cylinder-safety",
            "title": {
                "en": "Safe storage, handling and pipeline checks",
                "ar": "الخزن الآمن والتداول وفحص الشبكة",
            },
            "body": {
                "en": [
                    ("heading", "Oxygen does not burn, but it makes everything else burn"),
                    (
                        "paragraph",
                        "<p>An oxygen-enriched room turns a spark into a fire. Keep "
                        "cylinders at least 3 metres from open flames and heaters, never grease a "
                        "valve or regulator, and never smoke or allow smoking where oxygen is in "
                        "use. Alcohol hand rub must be fully dry before you touch oxygen "
                        "equipment.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Oil and grease",
                            "<p>Oil, grease and petroleum jelly "
                            "can ignite on contact with high-pressure oxygen. Do not use them on valves, "
                            "regulators, or on the patient's face under a mask.</p>",
                        ),
                    ),
                    ("heading", "Storing and moving cylinders"),
                    (
                        "paragraph",
                        "<ul><li>Store upright, chained or in a rack, in a dry, "
                        "ventilated room with a 'No smoking' sign.</li><li>Separate full and empty "
                        "cylinders and label them.</li><li>Move cylinders on a trolley, valve "
                        "closed, never by rolling or dragging.</li><li>Open the valve slowly, "
                        "standing to the side of the outlet.</li></ul>",
                    ),
                    ("handout", "cylinder-checklist"),
                    (
                        "checklist",
                        (
                            "Daily pipeline round",
                            [
                                "Manifold pressure and reserve bank checked and logged",
                                "Alarm panel tested (low and high pressure)",
                                "No hissing at outlets, hoses or flowmeters",
                                "Zone valves unobstructed and labelled",
                            ],
                        ),
                    ),
                    ("handout", "restricted-supplier-contacts"),
                ],
                "ar": [
                    ("heading", "الأوكسجين لا يحترق، لكنه يجعل كل شيء آخر يحترق"),
                    (
                        "paragraph",
                        "<p>الغرفة الغنية بالأوكسجين تحوّل الشرارة إلى حريق. أبقِ "
                        "الأسطوانات على بعد 3 أمتار على الأقل من اللهب المكشوف والمدافئ، ولا تضع الشحم "
                        "على الصمام أو المنظم أبداً، ولا تدخن ولا تسمح بالتدخين حيث يُستعمل الأوكسجين. "
                        "يجب أن يجف معقم اليدين الكحولي تماماً قبل لمس أجهزة الأوكسجين.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "الزيوت والشحوم",
                            "<p>الزيت والشحم والفازلين قد تشتعل "
                            "عند ملامسة الأوكسجين عالي الضغط. لا تستعملها على الصمامات أو المنظمات، ولا على "
                            "وجه المريض تحت القناع.</p>",
                        ),
                    ),
                    ("heading", "خزن الأسطوانات ونقلها"),
                    (
                        "paragraph",
                        "<ul><li>تُخزن قائمة، مربوطة بسلسلة أو في حامل، في غرفة جافة "
                        "جيدة التهوية عليها علامة «ممنوع التدخين».</li><li>افصل الأسطوانات الممتلئة عن "
                        "الفارغة وضع عليها بطاقات.</li><li>انقل الأسطوانات على عربة والصمام مغلق، ولا "
                        "تدحرجها ولا تسحبها.</li><li>افتح الصمام ببطء وأنت تقف جانب المخرج.</li></ul>",
                    ),
                    ("handout", "cylinder-checklist"),
                    (
                        "checklist",
                        (
                            "الجولة اليومية على الشبكة",
                            [
                                "فُحص ضغط المشعب ومخزون الاحتياط وسُجّل",
                                "اختُبرت لوحة الإنذار (الضغط المنخفض والعالي)",
                                "لا يوجد صوت تسرب في المخارج أو الأنابيب أو مقاييس التدفق",
                                "صمامات المناطق غير معاقة وعليها بطاقات",
                            ],
                        ),
                    ),
                    ("handout", "restricted-supplier-contacts"),
                ],
            },
        },
        {
            "slug": "titration-and-maintenance",
            "title": {
                "en": "Pulse oximetry, titration and concentrator maintenance",
                "ar": "قياس التشبع وضبط الجرعة وصيانة المكثفات",
            },
            "body": {
                "en": [
                    ("heading", "Give oxygen to a target, not by habit"),
                    (
                        "paragraph",
                        "<p>Measure SpO₂ with a pulse oximeter before and after you "
                        "start oxygen. For most adults the target is 94–98 %; for patients at risk "
                        "of carbon dioxide retention (severe COPD) it is 88–92 %. Start with 1–2 "
                        "L/min by nasal cannula, reassess after 15 minutes, and step up to a simple "
                        "face mask (5–10 L/min) or a mask with reservoir bag (10–15 L/min) if the "
                        "target is not reached.</p>",
                    ),
                    (
                        "callout",
                        (
                            "tip",
                            "Read the oximeter well",
                            "<p>Warm the hand, remove nail "
                            "polish, wait for a steady waveform and read after 30 seconds. A weak signal "
                            "gives a false low reading.</p>",
                        ),
                    ),
                    ("heading", "First-line maintenance of concentrators"),
                    (
                        "paragraph",
                        "<p>Clean the gross particle filter weekly with soap and water "
                        "and let it dry; replace the inlet filter as the manufacturer's schedule "
                        "says; keep 30 cm of free space around the cabinet; check purity with an "
                        "oxygen analyser every month and log the hours. A concentrator whose purity "
                        "falls below 82 % must be taken out of service and reported to the "
                        "biomedical engineering unit.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "Monthly concentrator log",
                            [
                                "Hours run",
                                "Purity measured with the analyser",
                                "Filters cleaned or replaced",
                                "Alarms tested",
                                "Signature of the biomedical technician",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "أعطِ الأوكسجين نحو هدف، لا بحكم العادة"),
                    (
                        "paragraph",
                        "<p>قِس نسبة التشبع بجهاز قياس التأكسج النبضي قبل البدء "
                        "بالأوكسجين وبعده. الهدف لأغلب البالغين 94–98 %، وللمرضى المعرضين لاحتباس ثاني "
                        "أوكسيد الكربون (الانسداد الرئوي المزمن الشديد) 88–92 %. ابدأ بـ 1–2 لتر في "
                        "الدقيقة عبر القنية الأنفية، وأعد التقييم بعد 15 دقيقة، وانتقل إلى القناع "
                        "البسيط (5–10 لترات في الدقيقة) أو القناع ذي الكيس الاحتياطي (10–15 لتراً في "
                        "الدقيقة) إذا لم يتحقق الهدف.</p>",
                    ),
                    (
                        "callout",
                        (
                            "tip",
                            "اقرأ جهاز القياس جيداً",
                            "<p>دفّئ اليد، وأزل طلاء الأظافر، "
                            "وانتظر موجة ثابتة واقرأ بعد 30 ثانية. الإشارة الضعيفة تعطي قراءة منخفضة "
                            "كاذبة.</p>",
                        ),
                    ),
                    ("heading", "الصيانة الأولية للمكثفات"),
                    (
                        "paragraph",
                        "<p>نظّف مرشح الجسيمات الكبيرة أسبوعياً بالماء والصابون واتركه "
                        "يجف؛ واستبدل مرشح المدخل حسب جدول الشركة المصنعة؛ واترك 30 سم من الفراغ حول "
                        "الجهاز؛ وافحص النقاوة بمحلل الأوكسجين كل شهر وسجّل ساعات العمل. المكثف الذي "
                        "تنخفض نقاوته عن 82 % يُسحب من الخدمة ويُبلَّغ عنه قسم الهندسة الطبية.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "السجل الشهري للمكثف",
                            [
                                "ساعات التشغيل",
                                "النقاوة المقاسة بالمحلل",
                                "المرشحات نُظفت أو استُبدلت",
                                "الإنذارات اختُبرت",
                                "توقيع فني الهندسة الطبية",
                            ],
                        ),
                    ),
                ],
            },
        },
    ],
}
