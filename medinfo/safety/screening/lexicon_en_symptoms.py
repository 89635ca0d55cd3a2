"""Extra English tables: a broad lay/medical symptom lexicon and case-report markers.

Same layout as lexicon_en (see there). TERMS and CUES here are appended to lexicon_en's.
VOCABULARY lists whole words (6+ letters) that the typo-tolerant pass may correct towards.
"""

from __future__ import annotations

FRAGMENTS = r"""
SYM_SUBJ        (?:patient|he|she|they|child|baby|son|daughter|husband|wife|mum|mom|dad|mother|
                father|man|woman|boy|girl|caller|i)
"""

TERMS = r"""
AE weak               (?:ringing|buzzing|whistling) ears?|ears? ~1~(?:ringing|buzzing)|
                      (?:ringing|buzzing|whistling|noises?) in (?:the |his |her |my |their |both )?
                      ears?|tinnit\w*|deaf\w*|ear (?:pain|ache)|earache|otalgia|
                      (?:seeing|hearing|sees|hears|saw|heard) (?:things|voices|people|insects|bugs)|
                      (?:things|people|voices) that (?:aren't|are not|weren't|were not) there|
                      hallucin\w*|paranoi\w*|manic|mania|euphori\w*|apath\w*|
                      tearful\w*|weepy|personality change|not (?:himself|herself)|
                      vivid dreams?|bad dreams?|night terrors?|sleepwalk\w*|sleep ?talking|
                      restless\w*|akathisia|jittery|on edge|moody|mood (?:changes?|swings?|
                      problems?|low)|suicidal ideation|
                      (?:black|tarry|dark|bloody|pale) (?:stools?|poo|bowel movements?|urine|wee)|
                      (?:coughing|vomiting|spitting|passing) (?:up )?blood|ha?ematemesis|
                      coffee[- ]ground|rectal bleeding|pink urine|
                      (?:low|decreased|dropping|falling|reduced) (?:platelets?|platelet count|
                      sodium|potassium|magnesium|calcium|white (?:cells?|count)|neutrophils?|
                      ha?emoglobin|hb|blood (?:count|sugars?|glucose))|
                      (?:high|raised|elevated|increased|abnormal|deranged|
                      rising) (?:liver (?:enzymes?|
                      tests?|function|results?|values?)|lfts?|transaminases?|bilirubin|
                      creatinine|potassium|sodium|calcium|triglycerides|lipids|heart rate|pulse|ck|
                      cpk|amylase|lipase|
                      troponin|prolactin|uric acid|urate|tsh|inr)|(?:raised|elevated|increased|
                      rising) (?:blood (?:sugars?|
                      pressure|glucose)|bp|cholesterol)|(?:sugars?|glucose|bp|
                      blood pressure|inr|levels?) ~2~(?:all over the place|through the roof|
                      sky-?high|very (?:high|low)|dangerously)
AE weak               blurr\w*|vision ~2~(?:blurred|blurry|fuzzy|cloudy|dim|gone|worse)|
                      (?:can't|cannot|couldn't|unable to) (?:see|hear|walk|stand|speak|talk|
                      swallow|breathe|move|focus|concentrate|remember|think|eat|pee|urinate)|
                      floaters|flashing lights|eye (?:swelling|redness|irritation|infection)|
                      red eyes?|itchy eyes?|dry eyes?|watery eyes?|conjunctivitis|uveitis|
                      glaucoma|cataracts?|photophobia|light sensitivity|
                      (?:pins and needles|pins & needles)|tingl\w*|numb(?:ness|ed|er)?\b|
                      burning (?:feet|hands|
                      sensation)|electric shocks?|brain zaps?|twitch\w*|spasms?|jerk(?:s|ing|y)|
                      shak\w+|trembl\w+|tremor\w*|unsteady|off balance|clumsy|clumsiness|ataxia|
                      poor (?:balance|coordination|concentration|memory)|forgetful\w*|
                      foggy|brain fog|spaced out|woozy|groggy|drowsy|
                      speech ~1~(?:slurred|problems?|difficult\w*)|stammer\w*|stutter\w*|
                      transient isch(?:a)?emic attacks?|\btia\b|mini-?stroke|facial (?:droop|palsy)|
                      bell'?s palsy|guillain|meningitis|encephal\w+|neuralgia|sciatica|
                      restless legs?|dyskinesi\w*|dystoni\w*|rigidity|stiff(?:ness)?|
                      parkinsonism|lockjaw|trismus
AE weak               hives|welts|wheals?|blotch\w*|spotty|pimples?|boils?|blisters?|
                      peeling|flak(?:y|ing)|scal(?:y|ing)|dry skin|itch\w*|scratch(?:ing|y)|
                      red (?:face|cheeks|rash|bumps|blotches|marks|lumps)|bumps|lumps?|nodules?|
                      (?:skin|face|lips?|tongue|throat|eyes?|eyelids?|ankles?|feet|legs?|hands?|
                      fingers?|joints?|gums?|glands?) ~2~(?:swollen|swelled|swelling|puffed|
                      blew up|blown up|ballooned|puffy|red|yellow|itchy|sore|burning|peeling|numb|
                      tingling|
                      tingly|dry|cracked|bleeding|discolou?red|dark|bruised|painful|hurts?|aching)|
                      puffed up|blew up like|swelled up|sore (?:eyes|mouth|gums|tongue|skin|joints|
                      muscles|legs|arms|chest|head|back|stomach|throat)|mouth (?:sores|ulcers)|
                      cold sores?|skin (?:rash|discolou?ration|darkening|thinning|infection|
                      irritation|changes?)|pigment\w*|photosensitiv\w*|sunburn\w*|
                      (?:turned|went|going|gone) ~1~(?:yellow|blue|grey|gray|pale|purple|white|red)|
                      pallor|cyanos\w*|clammy|cold sweats?|night sweats?|sweating|hair (?:loss|
                      thinning|growth)|nails? ~2~(?:brittle|falling off|discolou?red)
AE weak               (?:stomach|tummy|belly|abdominal|gut|bowel|chest|back|leg|arm|joint|muscle|
                      bone|neck|jaw|kidney|flank|pelvic|breast|ear|eye|tooth|nerve|period|
                      testicular|rectal|anal|throat|head|heel|hip|knee|shoulder) ~1~(?:pains?|
                      aches?|cramps?|spasms?|discomfort|tenderness)|pains? in (?:his|her|the|my|
                      their) \w+|(?:sore|painful|hurting|aching|achy|tender)\b|
                      feels? (?:sick|dizzy|faint|weak|awful|rough|off|wobbly|groggy|spaced|woozy|
                      drained|wiped out|tired|low|down|flat|anxious|agitated|jittery|strange|weird|
                      horrible|dreadful|ill|unwell)|felt (?:sick|dizzy|faint|weak|awful|rough|
                      off|wobbly|groggy|drained|tired|low|down|anxious|agitated|jittery|horrible|
                      dreadful|ill|unwell)|off (?:his|her|their) (?:food|legs|head)|off food|
                      (?:loss|lack) of appetite|no appetite|not eating|anorexi\w*|
                      weight loss|lost ~1~(?:weight|kilos|kg|pounds|stone)|put on weight|
                      retching|gagging|queasy|upset stomach|the runs|runny (?:stools|poo)|
                      flatulen\w*|burping|belching|cramping|incontinen\w*|
                      (?:can't|cannot|unable to|difficulty|trouble) (?:pass(?:ing)? urine|peeing|
                      urinating)|urinary (?:retention|incontinence|frequency|infection)|
                      peeing (?:a lot|blood|more)|frequent urination|kidney stones?|
                      dehydrat\w*|thirst\w*|dry mouth|mouth dryness|excess saliva|drooling|
                      hiccups?|yawning|heavy periods|periods? ~1~(?:stopped|heavier|irregular|late)|
                      spotting|breakthrough bleeding|vaginal (?:bleeding|discharge|dryness)|
                      thrush|gum (?:bleeding|swelling|growth)|bad breath|
                      (?:lost|loss of) (?:taste|smell|voice|balance|sensation|feeling|hearing|
                      vision|sight|memory|libido|sex drive|hair|consciousness)|hoarse\w*
AE weak               (?:racing|pounding|fluttering|skipping|irregular|slow|fast) (?:heart(?:beat)?|
                      pulse)|heart (?:flutter\w*|skipping|racing|pounding|palpitations?|rhythm)|
                      extrasystol\w*|ectopics?|fibrillat\w*|heart block|angina|chest tightness|
                      tight chest|short of breath|out of breath|breathing (?:problems?|
                      difficult\w*)|(?:can't|cannot|couldn't) (?:catch (?:his|her|my) )?breath|
                      gasping|choking|throat (?:closing|tight\w*|swelling)|stridor|apno?ea|
                      low oxygen|desaturat\w*|chest infection|bronchitis|sinusitis|
                      (?:flu|cold)[- ]like|blocked nose|runny nose|rhinitis|nosebleeds?|
                      hypertension|blood pressure ~2~(?:went up|shot up|high|
                      raised|rose|spiked|through)|
                      (?:cold|blue|white|purple) (?:fingers|toes|hands|feet)|raynaud\w*|
                      varicose|phlebitis|clots?\b|embol\w*|stroke|heart attack|
                      jaundic\w*|yellow(?:ing|ish)? (?:skin|eyes|tinge)|icter\w*|
                      dark urine|pale stools|
                      transaminas\w*|gallstones?|
                      hyponatr\w*|hypokal\w*|hyperkal\w*|hypoglyc\w*|hyperglyc\w*|hypocalc\w*|
                      hypercalc\w*|hypomagnes\w*|siadh|thrombocytop\w*|neutropen\w*|
                      leucopen\w*|leukopen\w*|lymphopen\w*|eosinophil\w*|an(?:a)?emi\w*|
                      (?:low|raised|high) (?:blood )?(?:counts?|iron|ferritin)|
                      infusion[- ]related|injection[- ]site|site reaction|
                      lump at the (?:injection )?
                      site|abscess\w*|cellulitis|shingles|herpes|
                      yeast infection|urinary tract infection|\buti\b|candida\w*
AE weak               sickness\b|tastes? (?:\w+ )?metallic|everything tastes|
                      crawl\w* (?:under|on|over) (?:the |his |her |my )?skin|formication|
                      feels? like (?:ants|insects|bugs)|off (?:work|sick|school|nursery)|yellowing|
                      (?:came|come|comes|broke|breaks|breaking|coming) out in|
                      (?:he|she|they|it|i) (?:swelled|puffed|blew) up|
                      (?:fell|falling) (?:over|down)|(?:had|has|having|took) (?:a|another) (?:fall|
                      tumble|turn|funny turn|episode|attack|seizure|fit|reaction)|
                      funny turns?|(?:episodes?|attacks?|spells?) of|dizzy spells?|
                      blackouts?|keel(?:ed|s)? over|fainting|fainted|passed out|
                      went (?:floppy|limp|blue|grey|pale|white|quiet|funny|unconscious)|
                      (?:more|less|very|really|extremely|so|quite|a bit|a little) (?:tired|sleepy|
                      drowsy|anxious|agitated|aggressive|irritable|emotional|confused|forgetful|
                      weak|unsteady|wobbly|dizzy|sick|breathless|moody|low|down|angry|tearful)|
                      (?:isn't|is not|not) sleeping|(?:can't|cannot|couldn't) (?:get to )?sleep|
                      (?:waking|wakes|woke) (?:up )?(?:in the night|at night|screaming|sweating|
                      with)|sleepless\w*|nightmar\w*|insomni\w*|sleep ~2~(?:disturbed|problems?|
                      broken|poor|bad|worse)|(?:rages?|outbursts?|temper tantrums?)|
                      (?:very|more|really) (?:hyper|wound up|emotional)|
                      gambling|compulsive|impulsive|hypersexual\w*|binge\w*|
                      (?:thoughts|thinking) (?:of|about) (?:dying|death|suicide|harming|hurting|
                      killing)|want(?:s|ed)? to die|harm(?:ing)? (?:himself|herself|themselves)
PC strong             @DEVICE@ ~3~(?:alarm\w*|beep\w*|error (?:message|code)|won't (?:turn|
                      switch) on|
                      stopped|stops|cuts? out|keeps? (?:going off|stopping))|stuck together|
                      melted|gone soft|sticky (?:tablets|capsules)
PC strong             @CONTAINER@ ~3~(?:came off|come off|fell off|spilled|spilt)|(?:syrup|liquid|
                      solution|contents) ~2~(?:spilled|spilt|leaked)|(?:smaller|bigger|larger|
                      thinner|thicker|lighter|darker|paler|softer|harder) than (?:usual|normal|
                      before|
                      the last|previous)|(?:different|missing|no) (?:markings?|imprint|embossing|
                      logo)
occupational_exposure strong (?:stuck|jabbed|pricked) (?:himself|herself|themselves|myself) with
PC strong             complaint (?:was |has been |is )?(?:received|reported|made|logged|raised)|
                      (?:found|turned out) (?:to be )?empty|(?:was|were) empty|nothing (?:came|
                      comes|
                      coming) out|no (?:insulin|medicine|liquid|drug|dose) (?:came|comes|
                      is coming) out|
                      keeps? clicking
lack_of_efficacy weak (?:fits|seizures|migraines?|headaches?|attacks|episodes|flares?|flare-ups|
                      symptoms|pain|spasms|tremors?|rash|eczema|psoriasis|acne|sugars|bp|
                      blood pressure|cholesterol|asthma|wheez\w+|reflux|heartburn|nausea|flushes|
                      cravings|panic attacks|low mood|depression|anxiety|insomnia) (?:are |is |
                      have |
                      has )?(?:back|returned|come back|came back|recurred|worse than ever|
                      creeping up)
lack_of_efficacy strong (?:lack|loss) of (?:efficacy|effect|response) (?:was |were )?(?:reported|
                        noted)|
                      (?:frequency|symptoms|pain|seizures|levels?|readings?) (?:\w+ )?unchanged
medication_error weak @CHILD@ ~3~(?:got|given|received|took|had) (?:the |an )?adult (?:strength|
                      dose|formulation|version|tablets?)|(?:was|made) an? (?:\w+ )?(?:error|mistake)
lack_of_efficacy weak relapsed|relapse (?:on|while|despite|under)|(?:had|has) a relapse
lack_of_efficacy weak (?:doesn't|does not|didn't|did not|isn't|is not|not|no longer|won't)
                      \s(?:\w+ ){0,3}(?:bring|get|keep|brings|gets|getting|bringing|keeping)
                      \s(?:\w+ ){0,2}(?:down|under control|in check)|(?:isn'?t|is not|not|doesn'?t|
                      does not|no longer) (?:\w+ ){0,2}(?:doing|making) (?:anything|much|a thing|
                      a difference|any difference)
counterfeit_product weak (?:bought|purchased|ordered|got) ~4~(?:online|website|internet|the web)|
                      looks? nothing like|not the real thing
AE strong             (?:causality|relatedness|causal relationship|imputability)\b|
                      (?:assessed|judged|considered|deemed|rated|
                      reported) (?:\w+ ){0,5}as (?:possibly|
                      probably|likely|definitely|certainly|un)?(?:related|causal|serious|
                      non-?serious)|(?:outcome|seriousness) (?:was|is|:|of the)|
                      (?:was|were|has been|have been) (?:reported|observed|noted|seen|described|
                      experienced|diagnosed) (?:in|by|for) (?:a|an|one|this|the|our|his|her|my)
                      \s(?:\w+[- ]){0,3}(?:\w+ )?@PERSON_NOUN@|
                      (?:spontaneous|initial|follow-?up|literature|serious) (?:case|report)\b|
                      case (?:report|narrative)|(?:\bsusar|\bsae|\badr)s?\b|\bae\b|
                      (?:event|reaction)s? (?:was|were) (?:reported|serious|considered|assessed|
                      ongoing|resolved|resolving|fatal)|(?:event|reaction) (?:onset|outcome)|
                      (?:ongoing|resolving|resolved|not resolved|unknown) at the time of (?:the )?
                      report|dechallenge|rechallenge|(?:via|through|in) (?:the )?breast ?milk|
                      (?:exposed|exposure) in utero|tenfold|ten-fold|\d+-fold
"""

CUES = r"""
person              (?:two|three|four|five|several|\d+) (?:\w+ )?(?:patients|children|residents|
                    people|subjects)\b~3~(?:developed|had|experienced|were|got|have)
person              (?:a|an) (?:\w+[- ]){0,3}@PERSON_NOUN@ (?:who|treated|receiving|taking|on|
                    given|prescribed|using|with|after|had|has|was|is|developed|started)|
                    (?:caller|reporter|consumer)'s \w+|
                    @SYM_SUBJ@ (?:keeps?|kept|is|was|has|had|says?|said|thinks?|feels?|gets?|got)
onset_change        (?:since|after|following|ever since|from) (?:\w+ ){0,3}(?:start\w*|
                    began|beginning|commenc\w*|switch\w*|chang\w*|increas\w*|added|adding|
                    going on|went on|gone on|put on|taking|restart\w*|the (?:new|first|last|second|
                    higher|latest|
                    \w+ ?mg) (?:\w+ )?(?:tablets?|pills?|dose|doses|injection|jab|batch|pack|
                    prescription|medicine|medication|brand|version|generic|capsules?|pen|inhaler|
                    treatment|course|infusion))|(?:started|began|came on|kicked in|appeared|
                    happened|got worse) (?:\w+ ){0,4}(?:after|since|when|once|within|following)|
                    (?:was|were|got|been) (?:added|started|increased|switched|changed|introduced)|
                    (?:days?|weeks?|hours?) after (?:\w+ ){0,3}(?:dose|injection|starting|taking|
                    it was)|off (?:it|them|the \w+) since|since (?:taking|being on|going on)|
                    (?:is|are|was|were) (?:gone|worse)|since then|ever since|
                    post[- ](?:dose|injection|infusion|vaccination|switch)
non_exposure        (?:not yet|never|hasn't|has not|have not|haven't|isn't|is not|no patient has|
                    nobody has|no one has|not been) (?:yet )?(?:\w+ )?(?:started|taken|took|
                    prescribed|treated|given|used|exposed|received|on)|before (?:starting|
                    prescribing|taking|initiating)|(?:yet|before) (?:to )?start
asks                (?:wants?|wanted|would like|needs?) to (?:know|check|find out)
asks                (?:asks?|asked|asking|wonder\w*|enquir\w+|inquir\w+|wants? to know|
                    wanted to know|would like to know|query|queries|
                    queried) (?:\w+ ){0,2}(?:whether|
                    if|about|how|what|which)|(?:asks?|asked|asking) for (?:\w+ ){0,2}(?:data|
                    information|literature|advice|guidance)
statistic           \d+(?:[.,]\d+)? ?(?:%|percent|per cent) (?:of|in)|(?:in|of) (?:the )?(?:pivotal|
                    clinical|phase \w+|registration|placebo-controlled) (?:trials?|studies|study)|
                    compared? (?:with|to) placebo|versus placebo|vs placebo
pre_treatment       before (?:any |the |she |he |they )?(?:treatment|therapy|starting|
                    \w+ (?:was|were) started|being started|taking)|prior to (?:starting|
                    treatment|therapy|taking)|pre-?existing|already had|has always had
report_intent       (?:reports?|reported|reporting|describes?|described|notif\w+) (?:a|an|one)
                    \s(?:\w+ ){0,2}(?:patient|case|man|woman|child|boy|girl|baby|infant)
generic             risks|writing (?:about|on|up)|students?|essay|assignment|project
generic             signs of|symptoms of|look(?:ing)? out for|watch (?:out )?for|review|
                    references?|articles?|papers?|thesis|presentation|lecture|teaching|
                    exam|quiz|training|audit|course work
wellbeing           fine|doing (?:well|great|ok|okay)|going well|no (?:problems?|issues?|
                    complaints?)|
                    tolerat\w+ (?:it |them |the \w+ )?well|better|improved|happy with|all good
chronic             diabet\w+|hypertension|high (?:blood pressure|cholesterol|bp)|asthma\w*|eczema|
                    psoriasis|epilep\w+|migraines?|depression|anxiety|arthritis|copd|heart failure|
                    atrial fibrillation|kidney disease|renal impairment|liver disease|cirrhosis|
                    hepatic impairment|parkinson'?s|dementia|ulcers?|gout|glaucoma|hypothyroid\w*|
                    insomnia|acne|reflux|crohn'?s|colitis|lupus|cancer|angina|pancreatitis
pseudo_negation     (?:can't|cannot|couldn't|won't|doesn't|does not) stop|not stopp(?:ed|ing)
exclusion           hay fever|glandular fever
condition           (?:recommend\w*|suggest\w*|advise|best|good) (?:\w+ ){0,3}for (?:\w+ )?$
documented          (?:leaflet|notice|smpc|spc|label|pil|package insert|monograph|website|insert)
                    \s(?:\w+ ){0,2}(?:mentions?|lists?|says|states|warns?|describes?)|(?:mentioned|
                    listed|
                    described|warned about) (?:in|on) the (?:leaflet|smpc|label|insert|website)
exclusion           (?:can't|cannot|unable to|difficulty|trouble) swallow\w* (?:\w+ )?(?:tablets|
                    pills|
                    capsules)
exclusion           (?:reproductive|developmental|repro|pre-?clinical|preclinical|animal|genetic|
                    carcinogenic|embryo-?fo?etal) ~1~toxicity|seizure threshold|
                    (?:once|after (?:being )?|when )opened|after opening
"""

VOCABULARY = """
tinnitus dizziness dizzy nausea nauseous vomiting vomited diarrhoea diarrhea constipation
headache headaches migraine hallucinations hallucinating nightmares insomnia drowsiness
drowsy tingling numbness needles palpitations fainting fainted seizures seizure convulsions
platelets thrombocytopenia neutropenia anaemia anemia jaundice jaundiced itching itchy
swelling swollen blisters blistering bruising bleeding haemorrhage hemorrhage
rashes urticaria anaphylaxis breathless breathlessness wheezing coughing tremor tremors
shaking confusion confused agitation anxiety depression depressed suicidal dyspnoea
stomach abdominal cramps weakness fatigue tiredness exhausted lethargic lethargy
hyponatraemia hyponatremia hypoglycaemia hypoglycemia transaminases pancreatitis hepatitis
vision blurred blurry hearing ringing stools tarry black fever shivering chills
sweating flushing hypotension hypertension tachycardia bradycardia arrhythmia
alopecia hypersensitivity allergic reaction reactions symptoms overdose overdosed pregnant
pregnancy breastfeeding counterfeit leaking leaked cracked broken damaged
discoloured discolored cloudy particles jammed faulty defective stuck malfunction
hospitalised hospitalized hospital admitted emergency collapsed unconscious
"""
