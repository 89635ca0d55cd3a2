"""English lexicon as text tables, matched on folded text (lowercase, accents removed).

TERMS: ``CATEGORY STRENGTH pattern``, where CATEGORY is AE (adverse event), PC (product quality
complaint) or the kind of special situation. A *strong* term reports an event by itself ("died",
"by mistake", "jammed"); a *weak* term ("rash", "pregnancy") needs a specific patient, a real time
or a plain statement, and is dropped in general questions. CUES: named context patterns (negation,
persons, time, question forms...). Indented lines continue the entry above. In patterns, ``~N~``
stands for "up to N words" and ``@NAME@`` for a fragment. See rules.py for the parser.
"""

from __future__ import annotations

FRAGMENTS = r"""
LAB             (?:alt|ast|ggt|alkaline phosphatase|alp|bilirubin|creatinine|sodium|potassium|
                glucose|blood sugar|cpk|ck|troponin|platelets?|platelet count|ha?emoglobin|hb|
                lipase|amylase|tsh|lactate|neutrophils?|white (?:cell|blood cell) count|wbc|qtc|
                liver (?:tests?|function tests?|enzymes?)|lfts?|(?:drug|blood|serum|plasma|his|her|
                their) levels?)\b
NUM             (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many)
CHILD           (?:child|children|kid|toddler|baby|infant|son|daughter|grand(?:son|daughter|child)|
                boy|girl|(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|
                ten)[- ](?:year|month)s?[- ]old)
PERSON_NOUN     (?:patients?|pt|child(?:ren)?|kids?|baby|babies|infants?|boy|girl|man|woman|men|
                women|mother|father|mum|mom|dad|nurse|pharmacist|toddler|newborn|neonate|subject|
                consumer|reporter|family|husband|wife|son|daughter|customer|caller|carer|caregiver|
                partner|f[oa]etus|grand(?:mother|father|son|daughter|child)|sister|brother|friend|
                lady|gentleman|colleague|resident|teenager|adolescent|student|athlete|client|male|
                female)
DAMAGE          (?:broken|cracked|damaged|crushed|crumbl(?:ed|ing)|chipped|shattered|dented|torn|
                punctured|deformed|split|leak(?:ing|ed|s|y)?|leakage|seeping|open(?:ed)?|tampered)
CONTAINER       (?:tablets?|pills?|capsules?|vials?|ampoules?|ampules?|bottles?|blisters?|boxe?s?|
                cartons?|packs?|packages?|packaging|seals?|caps?|lids?|sachets?|tubes?|syringes?|
                pens?|bags?|containers?|jars?|cartridges?|strips?)
DEVICE          (?:pens?|injectors?|auto-?injectors?|inhalers?|devices?|syringes?|plungers?|pumps?|
                applicators?|dispensers?|needles?|cartridges?|nebuli[sz]ers?|sprays?|patch(?:es)?|
                (?:dose )?counters?|droppers?|buttons?|mechanisms?|valves?|canisters?|caps?|
                triggers?)
DEVICE_FAIL     (?:jam(?:med|s|ming)?|block(?:ed|s|age)?|stuck|fail(?:ed|s|ure)?|malfunction\w*|
                broke|broken|defective|faulty|misfire[sd]?|clogged|obstructed|snapped|bent|leak\w*|
                (?:did|does|do|would|will|could|can)\s?(?:not|n't)\s+(?:\w+\s+)?(?:deliver|work|
                inject|fire|click|release|activate|dispense|spray|function|stick|retract|open|
                dispense)\w*|won't \w+|not (?:working|delivering|releasing|spraying|dispensing|
                sticking)|(?:fired|triggered|activated|went off) (?:too early|prematurely|early)|
                fell off|(?:keeps?|kept) (?:\w+ )?(?:falling|coming|peeling) off|(?:falling|coming|
                peeling) off|won't stay on|stuck on \d+|nothing (?:came|comes) out|no (?:spray|dose|
                liquid|medicine|drug) (?:came|comes) out)
"""

TERMS = r"""
# ---- adverse events
AE weak               rash(?:es)?|hives|urticari\w*|itch\w*|prurit\w*|eczema|dermatitis|erythema|
                      redness|red (?:patches|spots|skin)|blistering|skin (?:blisters|reactions?|
                      lesions?|peeling|eruptions?)|peeling|desquamation|photosensitivity|sunburn|
                      acne|spots all over
AE weak               swell\w*|swollen|o?edema\w*|angio-?o?edema|puffy|puffiness
AE weak               hair loss|alopecia|losing ~3~hair|hair ~1~(?:falling out|thinning|coming out)|
                      (?:thinning|lost) ~2~hair|bald\w*
AE weak               dizz\w*|vertigo|light-?headed\w*|head ?aches?|migraines?|cephal\w+|nause\w+|
                      vomit\w*|threw up|throwing up|diarrh\w+|loose stools|constipat\w+|
                      (?:abdominal|stomach|tummy|belly) (?:pain|ache|cramps?|upset)|stomach ?ache|
                      bloat\w*|dyspepsia|heartburn|indigestion|reflux|gastritis|ulcers?|colitis
AE weak               hepatitis|hepatotox\w*|liver (?:failure|injury|damage|toxicity|problems?|
                      enzymes?|tests?|function)|jaundice\w*|transaminase\w*|elevated (?:alt|ast|
                      lfts?)|(?:alt|ast|lfts?|bilirubin) (?:rose|increased|elevated|raised|doubled|
                      tripled|high)|cholestas\w+|cirrhosis
AE strong             died|dead|death|deceased|passed away|fatal\w*|fatality|(?:was |
                      been )?found dead|sudden death
AE strong             hospitali[sz]ed|hospitali[sz]ation|admitted (?:to|into|
                      in) (?:the )?(?:hospital|icu|intensive care|the ward|a&e|emergency)|(?:taken|
                      rushed|went|brought|sent) to (?:the )?(?:emergency|er\b|a&e|hospital|icu)|
                      intensive care|\bicu\b|mechanical ventilation|intubated|resuscitat\w+
AE weak               emergency (?:department|room)|a&e|admission
AE weak               faint\w*|syncop\w*|passed out|lost consciousness|loss of consciousness|
                      blacked out|black-?outs?|collaps\w+|unresponsive|unconscious|coma\b
AE weak               seizures?|convuls\w+|(?:had|having) (?:a )?fits?|epileptic|status epilepticus
AE weak               bleed\w*|bled|ha?emorrhag\w*|nose ?bleeds?|epistaxis|bruis\w+|
                      blood in (?:the |his |her )?(?:urine|stools?|vomit)|ha?ematuria|mela?ena|
                      ha?ematoma|petechia\w*
AE weak               inr\b~2~(?:went up|rose|risen|rise|increased?|elevated|high|raised|doubled|
                      of \d+|to \d+|at \d+|up|above)|(?:high|raised|elevated|increased) inr
AE weak               drows\w+|somnolen\w+|sleep(?:y|ier|iness)|sedat(?:ed|ion)|letharg\w+|
                      fatigue\w*|tired\w*|exhaust(?:ed|ion)|weakness|asthenia|malaise|drowsy
AE weak               palpitations?|tachycardi\w*|bradycardi\w*|arrhythmi\w*|
                      irregular (?:heart ?beat|pulse)|atrial fibrillation|heart (?:racing|pounding)|
                      racing heart|chest pain|qt prolongation|prolonged qt|qt interval|torsades?
AE weak               anaphyla\w+|allergic reactions?|hypersensitivity\w*|allergic shock|
                      anaphylactoid
AE weak               short(?:ness)? of breath|breathless\w*|dyspno?ea|wheez\w+|bronchospasm|
                      cough\w*|difficulty (?:breathing|swallowing)|trouble breathing|dysphagia|
                      respiratory (?:failure|depression|distress|arrest)|pneumonitis|
                      interstitial lung disease|pulmonary (?:fibrosis|embolism|o?edema)|
                      asthma attack
AE weak               blurr?(?:ed|y) vision|visual (?:disturbances?|problems?|loss)|vision (?:loss|
                      problems?|changes?)|blind\w*|double vision|eye pain|tinnitus|hearing loss
AE weak               confus(?:ed|ion)|disorient\w+|agitat(?:ed|ion)|hallucinat\w+|delirium|
                      delirious|psychos[ie]s|psychotic|depress(?:ed|ion|ive)|suicid\w+|self-?harm|
                      anxiety|anxious|panic attacks?|insomnia|(?:can't|cannot|unable to) sleep|
                      nightmares?|mood (?:changes?|swings?)|aggressi\w+|irritab\w+|
                      behaviou?ral changes?|memory loss
AE weak               tremors?|shak(?:ing|y|es)|numb(?:ness|ed)?|tingl\w+|pins and needles|par(?:a|
                      ae)esthesi\w*|neuropath\w+|stroke|paralys\w+|slurred speech
AE weak               muscle (?:pain|aches?|cramps?|weakness)|myalgi\w*|cramps?|rhabdomyoly\w+|
                      joint pain|arthralgi\w*|back pain|bone pain|fell\b(?! pregnant)|falls\b|
                      a fall|fracture[sd]?|broke (?:his|her) (?:hip|arm|leg|wrist|ankle)|
                      tendon rupture|tendinitis
AE weak               fevers?|febrile|pyrexia|high temperature|chills|rigors|(?:an |
                      severe )?infections?|sepsis|septic|pneumonia|sore throat|mouth ulcers|thrush
AE weak               acute kidney injury|\baki\b|(?:renal|kidney) (?:failure|injury|damage|
                      insufficiency|problems?|toxicity)|nephrotox\w+|creatinine (?:rose|increased|
                      elevated|raised|doubled|high|went up)|(?:hypo|hyper)(?:natr|kal|calc|glyc|
                      magnes)\w*mia|(?:sodium|potassium|glucose|sugar) (?:was|is|of|at|rose|dropped|
                      fell|went|level)\w*\b~2~(?:\d+|low|high)|hypos?\b
AE weak               @LAB@~3~(?:\d+|toxic|abnormal|deranged|elevated|raised|increased|decreased|
                      high|low|up\b|down\b|doubled|tripled|dropped|fell)|toxic (?:levels?|range|
                      concentrations?)|(?:levels?|concentrations?) ~2~toxic|deranged|
                      abnormal (?:liver|blood|lab\w*|renal|kidney) (?:tests?|results?|values?|
                      function)
AE weak               (?:lactic )?acidosis|multi-?organ failure|(?:eyes|skin|whites of (?:his|
                      her) eyes) ~2~(?:yellow|jaundiced)|yellow (?:eyes|skin)|low mood|mood ~3~low|
                      ending it all|end (?:his|her|my|their) life|kill (?:himself|herself)|
                      not coping|(?:can't|cannot|couldn't|unable to) keep (?:anything|food|it) down|
                      fussy|unsettled|inconsolable|crying (?:a lot|constantly|all the time)|
                      poor feeding|feeding (?:poorly|difficulties)|sleep(?:s|ing)? (?:all day|a lot|
                      all the time)
AE weak               thrombocytop\w+|neutrop\w+|agranulocyt\w+|leucop\w+|leukop\w+|an(?:a)?emi\w+|
                      low (?:platelets?|white cells?|blood count|neutrophils|sodium|potassium)|
                      pancytop\w+|aplastic|bone marrow suppression|myelosuppression
AE weak               myocardial infarction|heart attacks?|cardiac arrest|heart failure|
                      cardiomyopathy|thrombos[ie]s|thrombo\w*embol\w+|\bdvt\b|embolism|blood clots?|
                      pancreatitis|stevens-?johnson|\bsjs\b|toxic epidermal|\bdress\b|lyell|
                      serotonin syndrome|neuroleptic malignant|lupus|vasculitis
AE weak               hypotension|blood pressure ~1~(?:dropped|fell|drop|low|crashed)|
                      low blood pressure|hypertensive crisis|weight gain|gained ~1~(?:weight|kg|
                      kilos|pounds|stone)|sweat\w*|hot flush\w*|flushing|dry mouth|(?:loss of|
                      altered|metallic) taste|taste (?:disturbance|changes?)|impoten\w+|
                      erectile dysfunction|(?:loss of|low|decreased) libido|gynaecomastia|
                      menstrual (?:changes?|disorders?)|amenorrho?ea
AE weak               injection[- ]site (?:reactions?|pain|swelling|redness|nodules?)|(?:it |cream |
                      gel |patch |skin |eyes? )?(?:burns|burning|stings|stinging)|
                      skin (?:is )?peeling|worsen\w*|deteriorat\w+|aggravat\w+|exacerbat\w+|
                      flare-?ups?|toxicity|intoleran\w+ (?:to|of) (?:the |this |it)|(?:felt|feels?|
                      feeling) ~1~(?:unwell|ill|sick|terrible|awful|strange|weird|funny|faint)|
                      not feeling well
AE weak               birth defects?|congenital (?:anomal\w+|malformations?|defects?)|
                      malformations?|cleft (?:lip|palate)|heart defects?|born with|miscarri\w+|
                      stillb\w+|premature (?:birth|delivery|labou?r)|spontaneous abortion|
                      neonatal \w+|neural tube defects?
AE weak               side[- ]?effects?|adverse (?:events?|reactions?|effects?|drug reactions?|
                      experiences?)|\badrs?\b|\baes?\b|\bsaes?\b|reactions?|(?:serious|severe|fatal|
                      life-?threatening|medically important) (?:events?|reactions?|outcomes?)|
                      the events?|this event|symptoms?|sequelae|complications?
AE strong             (?:resolved|subsided|disappeared|abated|improved|recovered|
                      regressed) ~3~(?:upon|after|following|on|with|at) (?:the )?(?:discontinuation|
                      withdrawal|stopping|cessation|dechallenge|interruption|dose reduction)|
                      positive (?:de|re)-?challenge|(?:de|re)-?challenge (?:was )?positive|
                      recurrence of|(?:not|has not|had not|hasn't|hadn't) (?:yet )?recovered|
                      recovered with(?:out)? sequelae|with sequelae|
                      (?:considered|assessed as|deemed) (?:serious|related|possibly related|
                      probably related|medically significant)|seriousness criteri\w+|
                      suspected adverse|required (?:hospitali[sz]ation|treatment|intubation|
                      transfusion|dialysis)|(?:experienced|suffered|sustained|presented with|
                      exhibited) (?:a|an|severe|mild|moderate|acute|serious|significant|marked|some|
                      several)\b(?! (?:lack|loss) of)
AE strong             (?:patients?|he|she|child|baby|infant|man|woman|boy|girl|subject|consumer|
                      neonate|newborn|\d+-year-old|male|female)\b~2~(?:developed|experienced|
                      suffered|presented with|sustained|complained of|was diagnosed with|went into|
                      broke out in|came out in)\b(?! (?:a |an )?(?:lack|loss) of| (?:no|none|
                      nothing)\b)
AE strong             action taken with|suspect(?:ed)? (?:drug|product|medication)s?|(?:de|
                      re)-?challenge
# ---- product quality complaints
PC strong             @DEVICE@\s+~6~@DEVICE_FAIL@
PC strong             (?:arrived|came|were|was|are|is|found|got|looked|looks|delivered|
                      received)\s+~2~@DAMAGE@|(?:broken|cracked|damaged|crushed|crumbled|chipped|
                      shattered|dented|torn|punctured|leaking|defective|faulty|
                      open(?:ed)?) ~1~@CONTAINER@|@CONTAINER@ ~4~(?:leak\w*|cracked|shattered|
                      crumbl\w+|chipped)
PC strong             discolou?r\w*|(?:changed?|change of|different|abnormal|unusual|strange|odd|
                      wrong|funny|weird) (?:in )?(?:colou?r|smell|odou?r|taste|appearance|shape|
                      size|texture|consistency)|(?:strange|bad|odd|funny|unusual|abnormal|chemical|
                      foul|weird) (?:smell|odou?r|taste)|(?:smells?|smelt|smelled|tastes?|
                      tasted) ~1~(?:of|like|strange|bad|funny|odd|different|weird|off|bitter)|
                      turned ~1~(?:brown|yellow|pink|green|blue|black|grey|white|cloudy|dark|
                      colou?r)|(?:paler|darker) in colou?r|(?:look|looks|looked|appear|appears|
                      appeared|seem|seems) ~2~different|not the same (?:colou?r|shape|size) as
PC strong             cloudy|turbid|precipitat\w+|particles?|particulate|foreign (?:body|bodies|
                      object|matter|material|particles?)|mou?ld(?:y)?\b|contaminat\w+|sediment|
                      crystals? (?:in|formed)|clumps?
PC strong             (?:no|neither|nor|missing|without|wrong|incorrect|illegible|unreadable|blank|
                      misprinted|
                      smudged|faded|mislabell?ed) ~2~(?:leaflets?|labels?|labell?ing|
                      batch (?:number|no)|lot (?:number|no)|expiry date|package inserts?|inserts?|
                      instructions|packaging)|(?:leaflets?|labels?|batch (?:number|no)|
                      lot (?:number|no)|expiry date|inserts?) ~3~(?:missing|absent|illegible|
                      unreadable|wrong|incorrect|blank|not printed|smudged|faded|rubbed off)|
                      mislabell?ed
PC strong             empty (?:blisters?|pockets?|vials?|capsules?|cartridges?|pens?|bottles?|
                      sachets?|ampoules?)|@CONTAINER@ ~4~(?:were|was|are|is) (?:\w+ )?empty|
                      missing (?:tablets?|capsules?|doses?|vials?|pens?|needles?|pills?)|
                      (?:tablets?|capsules?|pills?) (?:were |was |are )?missing|(?:one|two|
                      a) (?:tablets?|capsules?) short|seal ~2~(?:broken|open|missing|tampered)|
                      tamper\w*
PC strong             (?:label|labell?ing|box|carton|pack|packaging|leaflet|blister)\b~1~(?:says|
                      states|reads|shows|said|stated)\b~5~but|(?:doesn't|does not|don't|do not|
                      didn't|did not) match|mismatch\w*|discrepan\w+
PC strong             product (?:quality )?complaints?|quality (?:complaints?|issues?|problems?|
                      defects?)|\bpqcs?\b|manufacturing defect
# ---- special situations
pregnancy weak        pregnan\w+|expecting a baby|conception|conceived|trimester|in utero|
                      gestation\w*|\d+ weeks (?:pregnant|gestation|along|gone|of pregnancy)|
                      (?:weeks|months) along|(?:exposure|exposed) during pregnancy|
                      paternal(?:ly)? (?:exposure|exposed)
pregnancy strong      (?:father|husband|partner|dad)\b~4~(?:was|were|had been) (?:on|taking|treated|
                      receiving)|(?:partner|wife|girlfriend)\b ~3~(?:became|got|is|fell) pregnant|
                      (?:got|became|fell) pregnant|father (?:received|took)
breastfeeding weak    breast-?fe(?:e)?d\w*|breast milk|lactat\w+|nursing (?:mother|her|his|the)|
                      (?:she is|she's|is|was|while|currently|still|mother) (?:\w+ )?nursing|
                      (?:exposed|exposure) (?:via|through) (?:breast|milk)
overdose weak         over-?dos\w+|too many (?:tablets|pills|capsules|doses)|(?:took|taken|
                      swallowed|ingested|had) (?:the |a |an )?(?:whole|entire|full) (?:box|pack|
                      bottle|blister|strip|packet)|(?:took|taken|swallowed|ingested) all (?:the|
                      of the|his|her) (?:tablets|pills|capsules)|suicid\w+ attempt|
                      attempted suicide|intentional\w* (?:ingest\w*|overdos\w*|took|taken|
                      swallowed)|deliberate\w* (?:ingest\w*|overdos\w*|took|swallowed)|poisoning|
                      (?:double|triple|tenfold|ten-fold|\d+-fold|twice the|three times the|
                      10 times the) (?:\w+ )?dose|doubled? (?:the|his|her|their) dose|(?:more|
                      higher) (?:\w+ )?than (?:the )?prescribed|adult dose ~2~(?:to|in|for) (?:a|an|
                      the|her|his) (?:child|infant|baby|toddler|newborn)
medication_error strong by (?:mistake|error)|in error|mistaken\w*|erroneous\w*|inadvertent\w*|
                      wrong (?:dose|doses|drug|medicine|medication|product|strength|patient|route|
                      formulation|tablets?|pen|insulin|concentration|dosage|time|eye|site|
                      preparation|vaccine)|mix(?:ed)?[- ]up|mixed ~2~up|confused ~3~with|
                      (?:dispensing|prescribing|administration|medication|dosing) errors?|
                      by accident|accidentally (?:took|taken|given|administered|injected|dispensed|
                      doubled)|(?:took|taken|given) (?:it |his dose |her dose )?twice|
                      twice a day instead|(?:double|extra) doses?
medication_error weak instead of|rather than|in place of
misuse weak           misus\w+|not as prescribed|other than (?:as )?prescribed|(?:someone else's|
                      another person's|(?:her|his|their) (?:mother|father|husband|wife|sister|
                      brother|friend|partner|son|daughter|neighbou?r)'s) ~1~(?:prescription|tablets|
                      medication|medicine|pills|treatment|inhaler|pen|cream)|self-?medicat\w+|
                      more often than prescribed|only when (?:he|she|they) feels? like|
                      without (?:a )?prescription|for weight loss|to lose weight|borrowed
abuse weak            abus(?:e|ed|ing|er)|snort\w*|to get high|getting high|recreational\w*|
                      for (?:a|the) high|addict\w*|dependen(?:ce|cy|t)|cravings?|doctor shopping|
                      diversion|diverted|selling (?:his|her|the) (?:tablets|pills)|
                      injects? (?:the )?(?:crushed|dissolved)
off_label weak        off[- ]?label|outside (?:the|its) (?:licen[cs]e|label|
                      marketing authori[sz]ation|indications?|approved)|unlicen[cs]ed|
                      unapproved (?:indication|use)|(?:not|only) (?:licen[cs]ed|approved|indicated|
                      authori[sz]ed) (?:for|in)
lack_of_efficacy weak (?:is|was|are|were|has been|seems?|proved) ~1~(?:ineffective|not effective|
                      not working|useless)|ineffective|inefficac\w+|lack of (?:efficacy|effect|
                      response|effectiveness)|loss of (?:efficacy|effect|response)|(?:doesn't|
                      does not|didn't|did not|don't|do not|no longer|stopped|isn't|is not|wasn't|
                      was not|not) (?:seem to |really |even )?(?:work|working|help|helping|
                      respond\w*|control\w*|effective)|stopped (?:responding|working)|
                      treatment failure|therapeutic failure|failed to (?:work|respond|control|
                      prevent|lower|reduce|improve)|no (?:clinical )?(?:improvement|
                      benefit) in (?:his |her |the )?(?:symptoms|condition)|(?:contracepti\w+|pill|
                      vaccine|vaccination) ~2~failed|no (?:clinical )?(?:improvement|response|
                      benefit|effect)\b(?! (?:on|in) (?:the )?(?:qt|liver))|
                      without (?:any )?improvement|(?:is|are|was|went) back up|(?:seizures|symptoms|
                      pain|attacks|crises) ~1~(?:are |have )?(?:back|returned|came back|recurred)|
                      has not come down|hasn't come down|not come down|caught the disease|
                      breakthrough|(?:don't|do not) work as well|uncontrolled|(?:not|poorly|
                      badly) controlled|(?:remains?|remained|still|stays?|stayed) ~1~(?:high|
                      elevated|uncontrolled|raised)|despite (?:the )?(?:maximum|max|maximal|full|
                      increased|higher|high|optimal) (?:dose|dosing|dosage|treatment)
interaction weak      (?:drug|drug-drug|food) interactions?|interact\w*
occupational_exposure strong occupational\w* (?:exposure|exposed)|needle-?stick|needle ?prick|
                      splash\w* ~4~(?:eyes?|face|skin|hands?|mouth)|spill\w* ~6~(?:hands?|skin|
                      arms?|eyes?|face)|(?:exposed|contaminated) (?:while|when) (?:preparing|
                      handling|administering|reconstituting|crushing)|(?:nurse|pharmacist|
                      technician|carer|caregiver|staff|healthcare worker|
                      preparer)'?s? ~6~(?:exposed|splashed|pricked|inhaled|absorbed)
accidental_exposure strong accidental\w* (?:ingestion|exposure|ingested|swallowed|swallowing|
                      contact|application|applied)|@CHILD@\b ~6~(?:swallowed|ingested|ate|eaten|
                      chewed|sucked|licked|got hold of|found and)|ingestion by (?:a|an|the|her|
                      his) @CHILD@|got hold of|secondary exposure|(?:swallowed|ingested|
                      took) ~4~accidentally|transferr\w+ to (?:her|his|the) (?:child|partner|baby|
                      wife|husband)
expired_product weak  expired|past (?:its|the) (?:expiry|expiration|use-by|sell-by)|out of date|
                      outdated|beyond (?:its|the) (?:expiry|expiration)|after (?:the|its) expiry|
                      expiry date ~2~(?:passed|exceeded)
counterfeit_product weak counterfeit\w*|fake|falsified|not genuine|bogus|knock-?offs?|
                      (?:unlicen[cs]ed|illegal|online) (?:website|pharmacy|seller)
"""

CUES = r"""
negation            no|not|\w+n't|cannot|never|without|none|neither|nor|den(?:y|ies|ied|ying)|
                    absence of|free of|negative for|nothing|nobody|no one|nil
pseudo_negation     no longer|not only|not sure|not certain|no doubt|not clear|not yet|not known|
                    not related|not necessarily|(?:do|does|did)(?: not|n't) know|whether or not|
                    if not|not able|not stop|would not stop|did not stop|cannot rule out|
                    can't rule out|not rule out|no idea|not as prescribed|not recovered|
                    not resolved|nothing serious|nothing major|nothing dramatic|no big deal|
                    nothing too \w+|no way of knowing
negation_post       (?:was|were|has been|have been|is|are) (?:ruled out|excluded|negative|absent)|
                    ruled out|: none|: no\b
breaker             but|however|although|though|whereas|except|apart from|other than|besides|
                    aside from|because|since|after|when|until|then|just|only|simply|merely|
                    and (?:now|then|he|she|the|his|her|has|had|was|is)|while|yet|,\s*(?:he|she|the|
                    his|her|my|it|they|we|i)\b
hypothetical        if|in case(?: of)?|in the (?:unlikely )?event (?:of|that)|should (?:a|any|
                    the) (?:patient|child|person)|whenever|suppose|supposing|hypothetical\w*|
                    what if|unless|to avoid|to prevent|risk of|at risk|likelihood of|chance of
indirect_question   (?:know|wonder\w*|ask\w*|check\w*|see|sure|tell me|unsure|find out|enquir\w+|
                    inquir\w+|confirm|clarify|understand)\s+(?:\S+\s+){0,2}$
person              (?:my|our|his|her|their|your|this|that(?! patients| people)|one of my|
                    some of my|several of my|
                    two of my|(?:\d+|two|three|four|five|several|many|some) of (?:my|our|her|
                    his)) (?:\w+ )?@PERSON_NOUN@
person              the (?:\w+ )?@PERSON_NOUN@(?! (?:information|leaflet|population|group|should|
                    must|can|may|needs?|will))
person              he|she|him|his|her|hers|himself|herself|i (?:took|have been|had|got|developed|
                    feel|felt|am having|noticed|took)
person              (?:a|an) (?:\d+|\w+)[- ](?:year|month|week|day)s?[- ]old|\d+[- ](?:year|month|
                    week|day)s?[- ]old|aged \d+|\d+ ?(?:yo|y/o|years? old)
person              (?:a|one|another) (?:patient|lady|gentleman|woman|man|customer|
                    client) (?:of mine|of ours|who|called|came|reported|has|had|developed)|pt|c/o|
                    suspect (?:drug|product)|the (?:reporter|consumer|subject|case)
deictic_time        since(?! (?:launch|marketing|approval|authori[sz]ation|it was|the drug was|
                    the product was|its))|yesterday|last (?:night|week|month|year|monday|tuesday|
                    wednesday|thursday|friday|saturday|sunday|time)|this (?:morning|afternoon|
                    evening|week)|tonight|overnight|@NUM@ (?:hours?|days?|weeks?|months?|
                    years?) (?:ago|later|into)|for (?:a|one|two|three|\d+|several|a few|the (?:past|
                    last)) (?:\w+ )?(?:hours?|days?|weeks?|months?|years?)|on (?:monday|tuesday|
                    wednesday|thursday|friday|saturday|sunday)|at week \d+|on day \d+|so far|now
onset               (?:after|following|within|since|upon|on) (?:\w+ ){0,2}(?:starting|initiation|
                    initiating|taking|switching|the switch|receiving|the (?:first|second|third|last|
                    initial|\d+\w*) (?:dose|injection|infusion|tablet|cycle|vaccination|course)|
                    (?:the )?dose (?:was )?(?:increased|increase|change))|@NUM@ (?:hours?|days?|
                    weeks?|months?) (?:after|following|later|into)
event               developed|experienced|presented|suffered|complain\w*|c/o|has had|have had|
                    has been|have been|(?:got|became|began|started) (?:very |a |an |\w+ing)|noticed|
                    (?:was|were) (?:found|noted|observed|reported|diagnosed|treated|admitted|given)|
                    occurred|resulted in|led to|ended up|is having|was having|keeps|kept|sustained|
                    required|underwent|needed|took|was taking|has been taking|had (?:a|an|some|
                    severe|bad)|reports|reported
report_intent       (?:want|like|need|calling|call|wish|would like) to report|to report (?:a|an|
                    this)|reporting (?:a|an)
generic             data|information|literature|publications?|published|studies|study|trials?|
                    evidence|incidence|frequency|frequent|how common|common|how often|how long|
                    percentage|rate of|risk|known (?:side )?effects?|listed|labell?ed|smpc|spc|
                    monograph|reported (?:with|in|for)|reports of|cases of|any cases|anyone|
                    recommend\w*|guidelines?|what to do|how to|can it cause|may cause|does it cause|
                    could it cause|likely|possible|in general|generally|usually|typically|
                    patients (?:who|with|taking|on)|people|class
question_start      ^\W*(?:what|which|how|is there|are there|is it|are they|does|do|did you|can|
                    could|should|would|may|might|will|has there|have there|has anyone|have you|any|
                    where|when|why|who)\b
condition           (?:patients?|people|persons?|women|men|children|adults|subjects|someone|anyone|
                    a patient|an? (?:child|adult|woman|man|person)) (?:with|who (?:have|has|had|
                    suffer\w*)|having|suffering from|known to have)(?: a| an)? ~2~$
condition           (?:history of|known|pre-?existing|underlying|chronic|prior|previous|past|
                    predisposed to|prone to|treatment of|treat|treating|indicated (?:for|in)|
                    to prevent|prevention of|prophylaxis of|used for|use in) (?:\w+ ){0,1}$
condition           (?:us(?:e|es|ed|ing)|prescrib\w+|indicated|licen[cs]ed|approved|treat|treating|
                    take|takes|taking)\b(?:\s+\S+){0,3}\s+for\s+(?:\w+\s+)?$
prospective         (?:can|could|may|should|might) (?:she|he|i|we|they|my patient|the patient|
                    the mother|a pregnant|pregnant|a woman|women|a patient|patients|mothers|
                    a mother) (?:\w+ )?(?:take|use|start|be given|be treated|receive|prescribe|
                    initiate|have|get|go on)|(?:she|he|i|we|they|patient) (?:can|could|may|should|
                    might) (?:\w+ )?(?:take|use|start|be given|receive|initiate|go on)|
                    is it safe (?:for \w+ )?to (?:take|use|start|prescribe|give)|(?:planning|plans?|
                    wants?|wishing|trying|hoping) (?:\w+ ){0,2}(?:pregnan\w+|to (?:become|get|
                    fall) pregnant|to conceive|to breast-?feed|a baby)|before (?:conception|
                    pregnancy|conceiving)|(?:could|can|may) i prescribe
exposure            taking|takes|took|taken|using|used|uses|received|receiving|(?:is|was|were|
                    been) on|on (?:treatment|therapy|the drug|it|the tablets|\w+ mg)|treated|
                    exposed|exposure|since conception|during (?:her|the|his|this) pregnancy|
                    throughout|continu\w+|still on|prescribed|prescribing|gave|given|administered|
                    started|injected|applied|swallowed|while on|was on|has been on
coadmin             (?:took|taken|taking|takes|drank|drinking|drinks|mixed|given|combined|started|
                    used|using)\s+(?:\S+\s+){1,3}(?:with|and|alongside)|together with|along with|
                    alongside|in combination with|combined with|co-?administ\w+|co-?prescri\w+|
                    (?:with|and|plus) (?:alcohol|grapefruit|st john'?s wort|warfarin|clarithromycin|
                    ketoconazole|rifampi\w+|itraconazole|ritonavir|antibiotics?)|(?:alcohol|
                    st john'?s wort)\b
administration      gave|given|giving|took|taken|taking|injected|administered|received|swallowed|
                    ingested|applied|used
quantity            several|many|a handful|handful|whole|entire|all (?:the|of)|\d{2,}|
                    [3-9] (?:tablets|pills|capsules)|(?:three|four|five|six|seven|eight|nine|ten|
                    twenty) (?:tablets|pills|capsules)
exclusion           lactose intoleran\w*|gluten intoleran\w*|blister (?:packs?|strips?)|
                    pain relie\w+|swallowing difficulties|difficulty swallowing (?:tablets|pills|
                    capsules)|(?:storage|excipient|formulation|reimbursement|prescription|
                    stability) (?:conditions?|information)|reaction time|chain reaction|
                    to prevent (?:a )?relapse|weight loss (?:drug|medication|product|indication)|
                    symptoms? of (?:the )?(?:disease|condition|illness)|(?:side[- ]?effects?|
                    adverse (?:events?|reactions?|effects?)) (?:section|profile|table)|
                    infection control|is (?:the )?(?:tablet|product|drug|medicine|
                    injection) (?:\w+ )?(?:safe|fine)
"""
