# ruff: noqa: E501
COURSE = {
    "slug": "herams-data-collection",
    "section": None,
    "code": "HRM-201",
    "topic": {"en": "Health information", "ar": "المعلومات الصحية"},
    "cme_hours": "8.0",
    "cadres": ["data-collector", "hospital-manager", "community-health-worker"],
    "accrediting_body": {
        "en": "Ministry of Health, Planning Directorate, with WHO Iraq",
        "ar": "وزارة الصحة، دائرة التخطيط، بالتعاون مع منظمة الصحة العالمية في العراق",
    },
    "min_attendance_percent": 100,
    "pass_mark_percent": 75,
    "title": {
        "en": "HeRAMS facility survey: collecting reliable data",
        "ar": "مسح المرافق الصحية HeRAMS: جمع بيانات موثوقة",
    },
    "summary": {
        "en": "The Health Resources and Services Availability Monitoring System (HeRAMS) tells "
        "planners which facilities function and which services they actually provide. This "
        "course prepares data collectors to run the facility survey: the questionnaire, the "
        "interview and observation, and the checks that make the data usable.",
        "ar": "نظام رصد توفر الموارد والخدمات الصحية (HeRAMS) يخبر المخططين أي المرافق تعمل وأي "
        "الخدمات تقدمها فعلاً. تُعِدّ هذه الدورة جامعي البيانات لتنفيذ مسح المرافق: الاستبيان، "
        "والمقابلة والملاحظة، والفحوص التي تجعل البيانات قابلة للاستعمال.",
    },
    "objectives": {
        "en": "<ul><li>Explain what HeRAMS measures and who uses the results.</li><li>Complete "
        "the facility questionnaire by interview and direct observation.</li><li>Record service "
        "availability and the reasons a service is missing.</li><li>Check a submission for "
        "completeness and consistency before sending it.</li></ul>",
        "ar": "<ul><li>شرح ما يقيسه HeRAMS ومن يستعمل نتائجه.</li><li>ملء استبيان المرفق "
        "بالمقابلة والملاحظة المباشرة.</li><li>تسجيل توفر الخدمة وأسباب غيابها.</li><li>فحص "
        "الاستمارة من حيث الاكتمال والاتساق قبل إرسالها.</li></ul>",
    },
    "modules": [
        {
            "slug": "what-herams-measures",
            "title": {"en": "What HeRAMS measures and why", "ar": "ماذا يقيس HeRAMS ولماذا"},
            "body": {
                "en": [
                    ("heading", "From a list of buildings to a map of services"),
                    (
                        "paragraph",
                        "<p>A facility list says where buildings are. HeRAMS asks "
                        "whether each facility is functioning, whether it is accessible, and which "
                        "services in each area (general clinical care, child health, maternal and "
                        "newborn care, communicable and non-communicable diseases, mental health, "
                        "referral) are fully, partially or not available, and why not. The ministry "
                        "and its partners use the answers to decide where to send staff, medicines "
                        "and money.</p>",
                    ),
                    ("image", "herams-status"),
                    (
                        "callout",
                        (
                            "tip",
                            "The unit is the facility",
                            "<p>One questionnaire describes one facility on the day of the visit. A "
                            "mobile clinic that serves several villages is one facility.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "Before the field visit",
                            [
                                "Facility code and name checked against the directorate's list",
                                "Tablet charged, form downloaded, offline mode tested",
                                "Appointment made with the facility manager",
                                "Letter of authorisation from the health directorate",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "من قائمة مبانٍ إلى خريطة خدمات"),
                    (
                        "paragraph",
                        "<p>قائمة المرافق تقول أين تقع المباني. أما HeRAMS فيسأل: هل "
                        "المرفق يعمل؟ وهل يمكن الوصول إليه؟ وأي الخدمات في كل مجال (الرعاية السريرية "
                        "العامة، صحة الطفل، رعاية الأم والوليد، الأمراض الانتقالية وغير الانتقالية، "
                        "الصحة النفسية، الإحالة) متوفرة كلياً أو جزئياً أو غير متوفرة، ولماذا. تستعمل "
                        "الوزارة وشركاؤها الإجابات لتقرير أين يُرسل الكادر والأدوية والأموال.</p>",
                    ),
                    ("image", "herams-status"),
                    (
                        "callout",
                        (
                            "tip",
                            "الوحدة هي المرفق",
                            "<p>استبيان واحد يصف مرفقاً واحداً في يوم الزيارة. العيادة المتنقلة التي تخدم "
                            "عدة قرى هي مرفق واحد.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "قبل الزيارة الميدانية",
                            [
                                "رمز المرفق واسمه مطابقان لقائمة دائرة الصحة",
                                "الجهاز اللوحي مشحون والاستمارة محمّلة ووضع العمل دون اتصال مجرَّب",
                                "موعد محدد مع مدير المرفق",
                                "كتاب تخويل من دائرة الصحة",
                            ],
                        ),
                    ),
                ],
            },
        },
        {
            "slug": "interview-and-observation",
            "title": {
                "en": "The questionnaire: interview and observation",
                "ar": "الاستبيان: المقابلة والملاحظة",
            },
            "body": {
                "en": [
                    ("heading", "Ask, then see for yourself"),
                    (
                        "paragraph",
                        "<p>Interview the facility manager or the most senior health "
                        "worker present. For every service, ask whether it was provided in the last "
                        "month, then verify what can be verified: look at the registers, the "
                        "pharmacy shelves, the delivery room, the vaccine refrigerator and its "
                        "temperature chart. When what you see differs from what you are told, "
                        "record what you see and write a short comment.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "Partially available",
                            "<p>Mark a service "
                            "'partially available' when it is provided but not to the expected "
                            "standard, not every day, or not to everyone; then choose the main reason: "
                            "lack of staff, training, medicines, equipment, or finances, or damage to "
                            "the building.</p>",
                        ),
                    ),
                    ("handout", "herams-questionnaire"),
                    (
                        "checklist",
                        (
                            "Observe directly",
                            [
                                "Number of beds and whether they are in use",
                                "Power source and hours of electricity per day",
                                "Safe water available in the facility",
                                "Stock of tracer medicines on the day",
                            ],
                        ),
                    ),
                    ("handout", "restricted-herams-credentials"),
                ],
                "ar": [
                    ("heading", "اسأل ثم تحقق بنفسك"),
                    (
                        "paragraph",
                        "<p>قابل مدير المرفق أو أقدم العاملين الصحيين الموجودين. لكل "
                        "خدمة، اسأل هل قُدمت خلال الشهر الماضي، ثم تحقق مما يمكن التحقق منه: انظر في "
                        "السجلات ورفوف الصيدلية وصالة الولادة وثلاجة اللقاحات ومخطط حرارتها. عندما "
                        "يختلف ما تراه عما يقال لك، سجّل ما تراه واكتب ملاحظة قصيرة.</p>",
                    ),
                    (
                        "callout",
                        (
                            "protocol",
                            "متوفرة جزئياً",
                            "<p>ضع علامة «متوفرة جزئياً» على "
                            "الخدمة حين تُقدَّم دون المستوى المتوقع، أو ليس كل يوم، أو ليس للجميع؛ ثم اختر "
                            "السبب الرئيسي: نقص الكادر أو التدريب أو الأدوية أو الأجهزة أو التمويل، أو تضرر "
                            "البناية.</p>",
                        ),
                    ),
                    ("handout", "herams-questionnaire"),
                    (
                        "checklist",
                        (
                            "لاحظ مباشرة",
                            [
                                "عدد الأسرّة وهل هي مستعملة",
                                "مصدر الكهرباء وعدد ساعاتها في اليوم",
                                "توفر الماء الصالح في المرفق",
                                "مخزون الأدوية الدالّة في يوم الزيارة",
                            ],
                        ),
                    ),
                    ("handout", "restricted-herams-credentials"),
                ],
            },
        },
        {
            "slug": "data-quality",
            "title": {
                "en": "Data quality: checking before you submit",
                "ar": "جودة البيانات: الفحص قبل الإرسال",
            },
            "body": {
                "en": [
                    ("heading", "Errors are cheapest to fix at the facility"),
                    (
                        "paragraph",
                        "<p>Before leaving the facility, read the whole form again with "
                        "the respondent. Look for empty answers, services marked available with no "
                        "staff to provide them, bed counts that do not match what you saw, and "
                        "coordinates taken outside the building. Correct them there; after you "
                        "leave, a question costs a phone call, and a wrong answer may stay in the "
                        "national report for a year.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Never invent an answer",
                            "<p>If you could not verify something, say so with 'unknown' and a "
                            "comment. A blank that is explained is worth more than a guess.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "Before you press Submit",
                            [
                                "Every required question answered",
                                "GPS point taken at the facility entrance",
                                "Photos of the facility front and of the signboard",
                                "Respondent's name and position recorded",
                                "Supervisor told of any facility found closed",
                            ],
                        ),
                    ),
                ],
                "ar": [
                    ("heading", "تصحيح الأخطاء أرخص ما يكون في المرفق"),
                    (
                        "paragraph",
                        "<p>قبل مغادرة المرفق، اقرأ الاستمارة كلها مرة أخرى مع الشخص "
                        "الذي قابلته. ابحث عن الإجابات الفارغة، والخدمات المعلَّمة متوفرة دون كادر "
                        "يقدمها، وأعداد الأسرّة التي لا تطابق ما رأيت، والإحداثيات المأخوذة خارج "
                        "البناية. صححها هناك؛ فبعد المغادرة يكلفك السؤال مكالمة هاتفية، وقد تبقى "
                        "الإجابة الخاطئة في التقرير الوطني سنة كاملة.</p>",
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "لا تخترع إجابة أبداً",
                            "<p>إذا لم تستطع التحقق من أمر، فقل ذلك بـ «غير معروف» مع ملاحظة. الفراغ "
                            "المشروح أثمن من التخمين.</p>",
                        ),
                    ),
                    (
                        "checklist",
                        (
                            "قبل أن تضغط «إرسال»",
                            [
                                "أُجيب عن كل سؤال إلزامي",
                                "أُخذت نقطة GPS عند مدخل المرفق",
                                "صور لواجهة المرفق ولوحته",
                                "سُجل اسم المستجيب ومنصبه",
                                "أُبلغ المشرف بأي مرفق وُجد مغلقاً",
                            ],
                        ),
                    ),
                ],
            },
        },
    ],
}
