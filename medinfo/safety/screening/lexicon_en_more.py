"""Third English table: wordings found missing on the second training corpus (see bench/screening).

Same layout as lexicon_en (see there); appended after lexicon_en_symptoms. Kept general: each
entry names a family of wordings (a lab value that "went from 88 to 210", a defect of a device
part, someone else's medicine), never one sentence.
"""

from __future__ import annotations

FRAGMENTS = r"""
LAB2            (?:creat|egfr|urea|crp|ferritin|hba1c|cholesterol|ldl|triglycerides?|ck|inr|bp|
                blood pressure|heart rate|pulse|sats|saturation|temperature|weight|a1c)
OWNER           (?:mother|mum|mom|father|dad|husband|wife|sister|brother|friend|partner|son|
                daughter|neighbou?r|flatmate|roommate|colleague|grandmother|grandfather|gran|
                grandma|grandpa|aunt|uncle|cousin|boyfriend|girlfriend)'?s?
FORMS           (?:prescription|tablets?|tabs|pills?|capsules?|caps|medication|medicine|meds|
                treatment|inhaler|pen|cream|gel|patch(?:es)?|spray|drops|injections?|sachets?|
                supply|stock|prescribed)
"""

TERMS = r"""
# ---- adverse events: lab values moving, organ words by their medical endings
AE weak               (?:@LAB2@|levels?|values?|count) ~3~(?:went|gone|rose|risen|jumped|climbed|
                      shot|increased|dropped|fell|fallen|decreased|crashed) (?:up |
                      down )?from \d+(?:[.,]\d+)? ~2~to \d+|
                      from \d+(?:[.,]\d+)? to \d+(?:[.,]\d+)? ~3~(?:after|since|following|within|on)
AE weak               \w{3,}(?:itis|osis|opathy|opathies|aemia|emia|algia|penia|rrhoea|rrhea|plegia|
                      paresis|megaly|lysis|spasms?|trophy|oedema|
                      edema)\b(?<!diagnosis)(?<!prognosis)(?<!dialysis)(?<!analysis)(?<!hypothesis)(?<!osmosis)(?<!emphasis)(?<!thesis)(?<!basis)
AE weak               inj(?:ection)?\.?[- ]?site ~2~(?:hot|red|hard|swollen|lump\w*|painful|sore|
                      itch\w*|bruis\w*|warm|raised|blister\w*|nodules?)
AE weak               stretch marks|skin (?:has )?(?:gone|become|became|getting|got|is|looks?|
                      turned) ~1~(?:thin|shiny|fragile|papery)|skin thinning|(?:no|missed|missing|
                      stopped|absent|irregular|heavy|heavier) (?:her )?periods?|(?:hasn't|has not|
                      hadn't|had not) had (?:a|her) period|periods? (?:stopped|have stopped|
                      disappeared|are irregular)|(?:stopped|not|isn't|hasn't been|
                      won't stop) eating|(?:loss of|lost (?:his|her|their|my)|no|poor|
                      reduced) appetite|off (?:his|her|their) food|(?:lost|losing|
                      lose) ~1~(?:weight|\d+ ?(?:kg|kilos|pounds|lbs|stone))|erections?|(?:no|low|
                      lost|loss of|reduced) (?:sex drive|libido|interest in sex)|(?:hair|
                      nails?) ~3~(?:falling out|coming off|lifting|brittle|breaking)|(?:can't|
                      cannot|couldn't) (?:walk|stand|get up|see|hear|breathe|swallow|speak|
                      concentrate|remember)
AE weak               (?:forgetful\w*|memory (?:problems?|lapses?)|(?:didn't|did not|doesn't|
                      does not) recogni[sz]e)|(?:pee|wee|urine) (?:is |was )?~2~(?:dark|red|brown|
                      cola|orange|blood)|(?:chest|heart) (?:tight\w*|flutter\w*|pounding)|
                      fluttering|twitch\w*|jerk(?:s|ing|y)|spasm\w*|stiff(?:ness)?|(?:bruises?|
                      marks) (?:everywhere|all over)|(?:went|gone|turned|is|looks?) ~1~(?:yellow|
                      grey|pale|blue|purple)
AE strong             (?:developed|occurred|arose|appeared|was (?:observed|diagnosed|reported|noted|
                      confirmed)) in (?:a|an|the|this|one|our) (?:\d+-year-old |
                      \w+ ){0,3}(?:patient|man|woman|child|boy|girl|infant|subject|recipient|
                      neonate|newborn|adolescent|male|female)
# ---- product complaints: contents, smell, foreign matter, device parts, print
PC strong             (?:@CONTAINER@|some|few|one|two|several) (?:of (?:them|the \w+) )?~2~(?:are|
                      were|was|is|came|come) (?:completely |totally |just |half )?empty|
                      empty (?:shells?|gelatin|pockets?|cavit\w+)|no (?:powder|liquid|tablet|
                      capsule|drug|medicine) (?:inside|in (?:it|them|the \w+))
PC strong             (?:smells?|smelt|smelled|smelling|stinks?|tastes?|tasted|odou?r)~3~(?:of|
                      like) (?!(?:it|they|the tablets?) (?:should|used))|(?:vinegar|fishy|rotten|
                      rancid|musty|chemical|plastic|petrol|garlic)[- ]?(?:like )?(?:smell|odou?r|
                      taste)|crumbly|powdery|stuck together|fused (?:together)?|melted|
                      sticky (?:tablets?|capsules?|pills?)
PC strong             (?:pinkish|yellowish|brownish|greyish|grayish|greenish|bluish|blackish)|
                      (?:pink|yellow|brown|grey|gray|green|blue|black|orange|red) (?:not|instead of|
                      rather than) (?:white|the usual|clear)
PC strong             (?:partial|incomplete) doses?|(?:error|fault) (?:code|message|e\d+)|
                      (?:displayed|showed|shows|showing|flashed|flashing|gave) (?:an? )?(?:error|
                      fault)
PC strong             specks?|speckl\w+|flecks?|fibres? (?:in|inside)|fibers? (?:in|inside)|
                      hair-?like|(?:a |black |dark |white )?hairs? (?:in|inside|embedded|stuck)|
                      insects?|shards?|splinters?|(?:black|dark|brown|white) (?:dots?|spots?|marks?|
                      bits?) (?:in|on|inside) (?:the |a |one )?(?:tablets?|capsules?|cream|gel|
                      solution|liquid|powder|vial|syringe|ointment|suspension)
PC strong             (?:mouthpiece|actuator|dial|spring|lid|seal|cap|nozzle|needle (?:guard|shield|
                      cover)|cartridge holder|counter|plunger|button|canister)s? ~4~(?:cracked|
                      came (?:loose|apart|off)|fell (?:apart|off)|loose|snapped|bent|stuck|broke|
                      broken|missing|jammed|(?:went|goes) off|sideways|clicked but)|(?:clicks?|
                      clicked) but (?:nothing|no)|no click
PC strong             (?:failed to|did not|didn't|does not|doesn't|won't|would not|
                      will not) (?:fully |completely )?(?:dissolve|reconstitute|mix|disperse)|
                      undissolved|(?:gelatinous|sticky|white) residue|(?:patch(?:es)?|dressings?|
                      plasters?)~4~(?:detach\w*|fall(?:s|ing)? off|fell off|peel(?:s|ed|ing)? off|
                      (?:won't|don't|doesn't|didn't) stick)
PC strong             (?:font|logo|print(?:ing)?|hologram|spelling|barcode|datamatrix|qr code|
                      text) ~4~(?:wrong|different|blurr\w*|misspel\w*|missing|faint|smudged|crooked|
                      odd|off)|(?:only|counted|there (?:were|are)) \d+ (?:\w+ )?(?:tablets?|
                      capsules?|pills?|tabs|caps|pens?|vials?|sachets?) in (?:a|the|
                      each) \d+~2~(?:pack|box|blister|carton|strip)
# ---- special situations
misuse weak           (?:@OWNER@) ~2~@FORMS@|prescribed (?:to|for) (?:his|her|their|my) @OWNER@|
                      (?:giv(?:es|ing|en)|gave|shar(?:es|ing|ed)|lend\w*|lent|pass\w* on) (?:his|
                      her|their|my) ~2~(?:to|with) (?:his|her|their|my|a) (?:\w+ )?@OWNER@|(?:cuts?|
                      cutting|splits?|splitting|halv\w+) (?:the |his |her |their )?(?:patch(?:es)?|
                      pens?|capsules?) ~3~(?:in (?:half|two)|to make|last)|(?:takes?|took|taking|
                      uses?|using|used) (?:it|them|the \w+) only when (?:he|she|they|i) (?:feels?|
                      wants?)
abuse weak            at parties|(?:to|for) (?:intensify|enhance|boost|increase) (?:the )?(?:high|
                      buzz|effects? of (?:alcohol|drink)|intoxication)|intoxicat\w+|(?:smok|inhal|
                      sniff|chew)(?:es|ed|ing|s)? (?:the |his |her )?(?:patch(?:es)?|crushed|
                      powder)|buying (?:it|them) (?:on|off) the street
medication_error strong (?:given|injected|administered|infused) (?:\S+ ){0,3}(?:iv|im|sc|
                        intravenously|intramuscularly|subcutaneously|intrathecally|
                        orally)~4~(?:only|instead|rather than|although|whereas|when|but)|(?:meant|
                        intended|prescribed|labelled|destined) for (?:another|the other|a different|
                        his|her|their|someone else|mrs|mr|ms|the (?:patient|resident|man|woman|lady|
                        child) in|the (?:neighbou?ring|next|adjacent))|(?:misread|mistook|
                        mis-?selected|misprogrammed|mis-?programmed)|(?:read|written|wrote|typed|
                        entered|programmed|dispensed|given) (?:\S+ ){1,3}as (?:\d|a |an )|
                        (?:forg[eo]t\w*|didn't remember|did not remember) ~5~(?:already|
                        had (?:already )?(?:taken|had|given))|(?:already (?:taken|had|given) (?:it|
                        one|his|her|a dose|the dose))|look-?alike|sound-?alike|(?:two|
                        both) (?:carers|nurses|parents) (?:each )?gave
overdose weak         in one go|all at once|(?:took|taken|swallowed|had|injected|
                      used) ~6~(?:at once|at the same time|in one day)|(?:\d+x|\d+ times|twice|
                      three times|double) (?:the )?(?:usual|normal) (?:dose|amount)
off_label weak        (?:\d+x|\d+ times|twice|three times|double|triple|above) (?:the )?(?:licensed|
                      recommended|approved|maximum|max|labell?ed) (?:max(?:imum)? |daily )?dose|
                      no (?:paediatric|pediatric) licen[cs]e|(?:isn't|is not|not) (?:licen[cs]ed|
                      approved|authori[sz]ed|indicated) ~3~(?:for|in|under|below|at)|(?:using|uses|
                      used|prescribed|prescribing|given|giving|gave|started) \S+ (?:\S+ )?(?:for|
                      in) (?:a|an|his|her) (?:\d+[- ](?:month|week|day)[- ]old|baby|infant|newborn)
lack_of_efficacy weak (?:does|do|did|doing) (?:absolutely |just |literally )?nothing(?: anymore|
                      any more| at all| for (?:him|her|me|them))?|(?:doesn't|does not|don't|didn't|
                      isn't|is not|not) (?:seem to |really |even )?(?:do|doing) (?:anything|much|
                      a thing)|(?:isn't|is not|not|doesn't|does not|didn't|did not|hasn't|
                      has not) (?:even )?touch(?:ing|ed)? (?:the|his|her|my|their)|
                      as bad as (?:before|ever)|back to (?:square one|how (?:it|he|she|they) (?:was|
                      were))|(?:returned|went back|came back|back) to (?:pre-?treatment|baseline|
                      previous|the same) (?:levels?|values?|frequency|state)|no better|(?:still|
                      keeps?) (?:has|having|getting|gets) (?:the )?(?:same|attacks|seizures|
                      migraines|pain|flares?)|(?:pill|contracept\w+|coil|implant) ~4~(?:pregnant|
                      pregnancy)
accidental_exposure strong @CHILD@\b ~6~(?:smeared|drank|drunk|found|chewing|sucking|licking|eating|
                           swallowing|mouthed|got into|bit into)|(?:[1-9]|1[0-2]) ?(?:yo|y/o|
                           yrs? old)\b ~6~(?:swallowed|ate|drank|chewed|sucked|licked|found|got)|
                           (?:dog|cat|pet|puppy|kitten)\b ~4~(?:ate|chewed|swallowed|licked)|
                           (?:touched|touching|hugs?|hugged|hugging|cuddl\w+|rubbed|
                           contact with)~5~(?:gel|cream|patch|spray|ointment|application site|skin)|
                           (?:gel|cream|patch|spray|ointment) ~8~(?:hugs?|hugged|hugging|touch\w*|
                           cuddl\w+)
occupational_exposure strong (?:stabbed|pricked|jabbed|stuck|scratched|cut) (?:herself|himself|
                             myself|themselves|themself)\b|(?:stabbed|pricked|jabbed|stuck|
                             scratched|cut) (?:\w+ ){0,2}(?:finger|hand|thumb|palm)|(?:finger|hand|
                             thumb) ~4~(?:needle|sharps?)|(?:powder|dust|liquid|solution|drops?|
                             spray|cream|gel) ~5~(?:in|into) (?:her|his|my|the) (?:eyes?|face|
                             mouth)|(?:crushing|handling|preparing|reconstituting|dispensing|
                             drawing up|decanting) ~6~(?:inhaled|splash\w*|spill\w*|got|in (?:her|
                             his|my) (?:eyes?|mouth))
expired_product weak  (?:left ?over|leftover) from|use within \d+ (?:days|weeks|months) of opening|
                      (?:after|beyond|past) (?:the )?(?:in-use|use-by|discard|shelf) (?:date|period|
                      life)|expir(?:y|ation) (?:date )?(?:had |has |was )?(?:passed|lapsed|elapsed|
                      gone|been and gone)|expir\w+ ~3~(?:\d+/\d+|\d{4}|last|ago)
breastfeeding weak    express(?:ing|ed|es)? (?:her )?(?:breast ?)?milk|pumping (?:breast ?)?milk|
                      (?:breast|chest)feeding|feeds? (?:her|the) baby
"""

CUES = r"""
hypothetical        (?:may|can|could|might) (?:cause|result in|lead to|trigger|induce)
generic             general (?:enquiry|inquiry|question|request|information)|no (?:specific|
                    particular|named|identified) patient|has not been (?:studied|established|
                    investigated)|a decision must be made|(?:watch|look) (?:out )?for|(?:signs|
                    symptoms) to watch
statistic           of the \d+ (?:participants|patients|subjects)|\d+ participants|
                    mean (?:decreases?|increases?|changes?|reductions?)|in a survey of
generic             (?:have|has) been (?:associated|described|observed|seen)|should be considered|
                    toxicology|in (?:rats|mice|dogs|animals|rabbits)|animal studies|
                    pharmacokinetic stud(?:y|ies)|post-?marketing (?:experience|surveillance)
prospective         (?:begins|starts|will (?:start|begin)|is (?:starting|beginning)|is due to start|
                    is going to start) (?:\S+ ){0,3}(?:on (?:monday|tuesday|wednesday|thursday|
                    friday|saturday|sunday)|next|tomorrow|soon|after)
exclusion           (?:new|on|at|before|after) admission|admission (?:criteria|form|note)|
                    tender (?:file|process|offer|documents?|submission)|(?:public|hospital) tender|
                    (?:once|after|when|since) (?:the )?(?:\w+ )?(?:is |has been |
                    was )?(?:first )?opened|first opened|after opening|once opened
condition           (?:history|hx|antecedents?) of (?:\w+ ){0,3}$|with (?:a |
                    an )?(?:well-?controlled|stable|known|long-?standing|chronic) (?:\w+ ){0,2}$
topic_words         (?:renal|kidney|hepatic|liver|cardiac) (?:impairment|insufficiency|disease|
                    dosing|function)|allerg\w+|potassium|sodium|missed doses?|side[- ]?effects?|
                    tolerability|safety|efficacy|dosing|(?:drug )?interactions?
topic_head          ^\W*(?:(?:phone |tele)?call|e-?mail|letter|fax|enquiry|inquiry|query|request|
                    question|topic|subject|re|regarding|reason for (?:the )?call|follow-up)\b
pre_treatment       (?:at|from) baseline|before (?:we|they|you|i|anyone) started|already (?:raised|
                    high|elevated|abnormal|low) before
condition           (?:medical|past|surgical|family) history (?:included|includes|of|
                    was significant for|is significant for|notable for|remarkable for|
                    comprised) (?:\w+,? ){0,6}$|(?:comorbidities|co-?morbidities|
                    background) (?:included|of|comprised|were) (?:\w+,? ){0,6}$
condition           (?:indicated|licen[cs]ed|approved|authori[sz]ed|used|prescribed) (?:for|
                    in) (?:the )?(?:treatment|management|prevention|prophylaxis) of (?:\w+ ){0,4}$|
                    (?:eligible|enrolled|included|randomi[sz]ed) ~6~$
statistic           (?:very )?(?:un)?common(?:ly)?|(?:very )?rare(?:ly)?|(?:>|<|≥|≤|>=|
                    <=)\s*1\s*/\s*\d+|(?:eligible|enrolled|randomi[sz]ed|inclusion criteria|
                    exclusion criteria)|most (?:frequent(?:ly)?|common(?:ly)?)|(?:≥|>=|
                    >)\s*\d+(?:[.,]\d+)? ?%
exclusion           (?:creatinine )?clearance (?:\w+ ){0,2}(?:below|above|under|over|of|<|>|between|
                    less than|greater than) \d+(?: ?ml/min)?|sodium-glucose|co-?transporter|
                    hospitali[sz]ed (?:patients|adults|children|population)|(?:can|could|may|should|
                    is it (?:ok|safe|possible) to) (?:\w+ ){0,4}(?:be )?(?:opened|crushed|split|cut|
                    chewed|broken|halved|dissolved)
"""
