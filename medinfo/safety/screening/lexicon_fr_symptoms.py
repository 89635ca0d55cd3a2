"""Extra French tables: a broad lay/medical symptom lexicon and case-report markers.

Same layout as lexicon_fr (see there). TERMS and CUES here are appended to lexicon_fr's.
VOCABULARY lists whole folded words (6+ letters) that the typo-tolerant pass may correct towards.
"""

from __future__ import annotations

FRAGMENTS = r"""
ORGAN           (?:peau|visage|levres?|langue|gorge|yeux|oeil|paupieres?|chevilles?|pieds?|
                jambes?|mains?|doigts?|bras|articulations?|gencives?|ventre|cou|joues?|ganglions?)
"""

TERMS = r"""
AE weak               (?:sifflements?|bourdonnements?|bruits?|tintements?) (?:dans|aux) (?:les |l')?
                      oreilles?|acouphen\w*|oreilles? qui (?:sifflent|bourdonnent)|surdit\w*|
                      (?:entend|voit|voyait|entendait) des (?:choses|voix|bruits|gens|insectes|
                      betes)|hallucin\w*|paranoi\w*|euphori\w*|apathi\w*|pleure\w*|
                      changements? d'humeur|sautes? d'humeur|humeur (?:changeante|instable|
                      depressive)|cauchemar\w*|reves? (?:etranges|bizarres|agites)|
                      somnambul\w*|agite\w*|nerveu(?:x|se)|irritable|colere|ne dort (?:pas|plus)|
                      du mal a dormir|reveils? nocturnes?|idees (?:noires|suicidaires)|
                      (?:selles|urines) (?:noires|rouges|foncees|sanglantes|decolorees|
                      blanches)|melena|vomi\w* du sang|crache\w* du sang|hematemese|
                      (?:plaquettes|sodium|potassium|globules|hemoglobine|leucocytes|neutrophiles|
                      glycemie|natremie|kaliemie) ~1~(?:basses?|bas|effondre\w*|diminue\w*|chute\w*|
                      tres (?:basses?|hautes?))|(?:transaminases|enzymes hepatiques|bilan hepatique|
                      creatinine|tension|glycemie) ~1~(?:elevee?s?|augmentee?s?|hautes?|perturbe\w*|
                      anormal\w*|montee?s?|a grimpe|explose)|hyponatrem\w*|hypokaliem\w*|
                      hyperkaliem\w*|hypoglycem\w*|hyperglycem\w*|thrombopen\w*|neutropen\w*|
                      leucopen\w*|anemi\w*|icter\w*|jaunis\w*|teint jaune|urines foncees
AE weak               vue ~1~(?:trouble|floue|brouillee|baisse|double)|voit (?:flou|
                      trouble|double|mal)|(?:n'arrive|n'arrivait) (?:plus|pas) a (?:voir|marcher|
                      parler|respirer|avaler|dormir|manger|uriner|se concentrer|tenir debout)|
                      yeux (?:rouges|qui piquent|secs|gonfles|qui pleurent)|conjonctivite|
                      fourmill\w*|picotement\w*|engourdi\w*|perte de sensibilite|decharges?
                      \selectriques?|secousses?|spasmes?|contractures?|tics?\b|raideur\w*|
                      (?:troubles?|perte) de l'equilibre|desequilibre|titub\w*|instable sur|
                      troubles? (?:de la memoire|de la concentration|de l'elocution|de la parole)|
                      tete (?:lourde|dans le coton|vide)|dans le brouillard|
                      parle mal|bafouill\w*|accident ischemique|\bait\b|paralysie faciale|
                      meningite|encephal\w+|nevralgie|sciatique|jambes sans repos|dyskinesi\w*|
                      dystoni\w*|akathisie|syndrome extrapyramidal
AE weak               urticai\w*|plaques?\b|boutons?|cloques?|vesicules?|desquam\w*|pele\w*|
                      demange\w*|gratte\w*|peau (?:seche|rouge|qui pele|qui gratte|jaune)|
                      @ORGAN@ ~2~(?:gonfle\w*|enfle\w*|rouges?|jaunes?|douloureu\w+|brule\w*|
                      seche\w*|engourdi\w*|bleue?s?|violet\w*)|a gonfle|ont gonfle|gonfle\w*|
                      oedem\w*|boursoufl\w*|aphtes?|herpes|zona|abces|cellulite|
                      (?:point|site) (?:d'injection|de piqure) ~2~(?:rouge|gonfle|douloureux|
                      dur)|nodules?|pigment\w*|taches?\b|paleur|cyanose|sueurs?|
                      transpir\w*|suee\w*|bouffees? de chaleur|chute (?:de|des) cheveux|
                      ongles? ~2~(?:cassants|tombent|decolores)
AE weak               (?:mal|douleurs?) (?:au|aux|a la|a l'|dans le|dans la|dans les|de) (?:\w+ )?
                      (?:ventre|estomac|dos|tete|gorge|poitrine|jambes?|bras|articulations|muscles|
                      reins|oreilles?|yeux|dents|machoire|nuque|cou|hanches?|genoux|epaules?|
                      pieds?|mains?|seins?|regles|thorax|cote|flanc)|douleur\w*|courbatu\w*|
                      crampes?|a mal|fait mal|mal partout|nause\w*|mal au coeur|haut-le-coeur|
                      envie de vomir|vomi\w*|regurgit\w*|diarrh\w*|selles (?:liquides|molles)|
                      constip\w*|ballonn\w*|brulures?|aigreurs?|perte d'appetit|
                      (?:n'a|n'avait) plus (?:d'appetit|faim)|ne mange plus|anorexi\w*|
                      amaigri\w*|(?:perdu|pris) ~1~(?:kilos|kg|poids)|grossi|soif|
                      bouche (?:seche|pateuse)|deshydrat\w*|hoquet|incontinen\w*|
                      (?:n'arrive|n'arrivait) plus a uriner|retention urinaire|envies?
                      \sfrequentes? d'uriner|infections? urinaires?|cystite|mycos\w*|
                      (?:regles|saignements) (?:abondantes?|irregulieres?|abondants)|
                      saignements? (?:vaginaux|entre les regles)|metrorragi\w*|gencives? qui
                      \ssaignent|mauvaise haleine|(?:perte|perdu) (?:du gout|de l'odorat|la voix|
                      l'equilibre|la memoire|la vue|l'audition|connaissance|conscience)|
                      enroue\w*|extinction de voix
AE weak               coeur (?:qui (?:bat|s'emballe|cogne|saute)|irregulier|rapide|lent)|
                      (?:pouls|rythme cardiaque) (?:rapide|lent|irregulier|accelere)|
                      extrasystol\w*|fibrillat\w*|angine de poitrine|oppression\w*|
                      (?:du mal a|difficulte a|n'arrive pas a) (?:respirer|reprendre son souffle)|
                      souffle court|essouffl\w*|etouff\w*|gorge (?:serree|qui gonfle|qui se
                      \sferme)|sifflement\w*|apnee\w*|bronchite|sinusite|rhume|nez (?:bouche|
                      qui coule)|rhinite|saigne\w* du nez|hypertension|tension ~1~(?:elevee|
                      haute|montee|a monte|monte|grimpe|a grimpe|explose)|caillots?|
                      embolie\w*|phlebite|avc|infarctus|vertige\w*|etourdi\w*|la tete qui tourne|
                      malaise\w*|s'est (?:evanoui|effondre|ecroule)\w*|tombe\w* dans les pommes|
                      perdu connaissance|(?:a fait|fait|faisait|ont fait) (?:un|une|des|plusieurs)
                      (?: \w+)? (?:malaise|crise|chute|reaction|convulsion|syncope|allergie|
                      hypo|poussee)s?|crises?|convuls\w*|tremble\w*|fatigu\w*|epuis\w*|
                      somnol\w*|endorm\w*|(?:tres|plus|trop|vraiment|super) (?:fatigue|
                      somnolent|endormi|agite|anxieux|angoisse|irritable|nerveux|triste|
                      confus|faible|essouffle|pale)e?s?|triste\w*|deprim\w*|anxieu\w*|
                      angoiss\w*|panique
lack_of_efficacy weak ne fait plus (?:aucun|d') ?effet|plus aucun effet|(?:aucun|pas d') ?effet
                      (?:sur|contre) (?:ses|les|sa|son)
PC strong             devenue?s? (?:toute? )?(?:jaune|brun|marron|trouble|rose|noir|vert|bleu|blanc|
                      opaque|epais)\w*|(?:bouchon|capuchon|opercule) ~2~(?:parti|tombe|saute)
AE weak               urine\w* du sang|du sang dans (?:les |ses |son )?(?:urines|selles|crachats|
                      vomissements)|fourmis|(?:sensation|impression) (?:de|d') ?(?:brulure|
                      picotement|
                      decharge)|gout (?:metallique|amer) dans la bouche
PC strong             drole (?:d'odeur|de gout|de couleur|d'aspect)|(?:odeur|gout|couleur|aspect)
                      \s(?:bizarre|etrange|inhabituel\w*|anormal\w*|douteu\w+)
lack_of_efficacy weak rechute\w*|recidive\w*|(?:a |ont )?rechute sous
overdose weak         (?:le |la )?(?:double|triple) de (?:la |sa )?dose|plus que (?:la )?dose
PC strong             sentent (?:mauvais|bizarre|fort|etrange)|collee?s? (?:entre (?:eux|elles)|
                      ensemble)|ramolli\w*|fondu\w*|friable\w*
PC strong             fuyai\w*|fuyant|n'affiche (?:plus|pas|rien)|embue@E@|buee|
                      reclamation (?:a ete |est )?(?:recue|signalee)
misuse weak           (?:prend|pris|prenait|utilise|a pris|donne) (?:le |la |les |l')?\w+ de (?:sa|
                      son|
                      ses) (?:soeur|mere|pere|mari|femme|frere|amie?|voisine?|fille|fils|
                      conjoint\w*|
                      collegue|parents)
AE strong             (?:imputabilite|causalite|lien de causalite|relation causale)|
                      (?:juge|evalue|considere|estime)e?s? (?:\w+ ){0,5}comme (?:possiblement|
                      probablement|certainement|non )?(?:lie|grave|serieux|imputable)e?s?|
                      (?:a ete|ont ete|est|sont) (?:rapporte|signale|observe|decrit|notifie|
                      declare|survenu)e?s? (?:chez|par) (?:un|une|le|la|l'|ce|cette|notre|mon|ma|
                      son|sa) ?(?:\w+ ){0,3}@PERSON_NOUN@|cas (?:spontane|grave|d'effet)|
                      \beig\b|\bei\b|evenements? indesirables?|
                      (?:via|par) le lait maternel|in utero|dix fois|\d+ fois la dose|
                      a fait une? (?:malaise|syncope|crise|convulsion|chute|reaction|allergie|
                      hypo|oedeme|hemorragie|avc|infarctus)
"""

CUES = r"""
person              (?:un|une) (?:\w+ ){0,2}@PERSON_NOUN@ (?:traite|sous|qui|ayant|de \d+|
                    recevant|prenant|apres)\w*|(?:mon|ma|son|sa) \w+ (?:a|est|dit|pense)
onset_change        depuis (?:que|qu'|le debut|l'instauration|l'introduction|la prise|
                    l'augmentation|le changement|le passage|l'ajout|le nouveau|la nouvelle|
                    qu'(?:il|elle|on) (?:prend|a commence|est sous|met|utilise|applique|a (?:pris|
                    recu|eu|change|augmente)|lui a))|(?:apres|suite a) (?:\w+ ){0,2}
                    (?:l'ajout|le changement|l'augmentation|avoir commence|avoir pris|le passage|
                    la premiere|la derniere|le debut|l'introduction|l'instauration)|
                    a ete (?:ajoute|augmente|change|introduit)
non_exposure        (?:pas encore|jamais|n'a pas|n'ont pas|n'est pas) (?:\w+ )?(?:commence|pris|
                    prescrit|traite|recu|utilise|debute|expose)\w*|avant (?:de commencer|
                    de prescrire|de debuter|l'instauration|toute prise)
asks                (?:veut|voudrait|souhaite|souhaiterait|aimerait) (?:savoir|connaitre|verifier)
asks                (?:demande|se demande|souhaite savoir|voudrait savoir|veut savoir|
                    s'interroge|interroge) (?:\w+ ){0,2}(?:si|s'il|s'ils|comment|quel\w*|
                    combien|des informations|des donnees)
statistic           \d+(?:[.,]\d+)? ?(?:%|pour ?cent) (?:des|de|chez)|(?:dans|lors) (?:les|l'|
                    des) (?:etudes?|essais?) (?:cliniques?|pivots?|de phase)|versus placebo|
                    par rapport au placebo
pre_treatment       avant (?:tout traitement|le traitement|le debut|de commencer|la prise|
                    l'instauration)|deja (?:avant|present)|preexistant\w*
report_intent       (?:signale|rapporte|declare|decrit|notifie)\w* (?:un|une) (?:\w+ ){0,2}(?:cas|
                    patient|patiente|enfant|homme|femme|bebe)
generic             revue|references?|articles?|memoire|these|presentation|examen|
                    formation|audit
wellbeing           va (?:bien|tres bien|mieux)|tout se passe bien|bien tolere\w*|
                    aucun (?:probleme|souci)|
                    mieux|ameliore\w*|satisfait\w*|rien a signaler
chronic             diabet\w+|hypertension|hypertendu\w*|asthm\w+|eczema|psoriasis|epilep\w+|
                    migraines?|depression|anxiete|arthrose|polyarthrite|bpco|
                    insuffisan\w+ (?:cardiaque|renale|hepatique)|fibrillation auriculaire|cirrhose|
                    ulceres?|parkinson|glaucome|acne|reflux|crohn|lupus|cancer|pancreatite|angor
pseudo_negation     (?:n'arrete|n'arretait|n'arretent) (?:pas|plus) de|ne cesse\w* (?:pas )?de
exclusion           rhume des foins
documented          (?:notice|rcp|etiquette|vidal|monographie|
                    site)\b(?:\s+\w+){0,2}\s+(?:mentionne|indique|
                    signale|decrit|cite|precise)|(?:mentionne|decrit|indique|
                    liste)e?s? dans (?:la notice|
                    le rcp|le vidal)
exclusion           toxicite (?:sur la reproduction|de reproduction|preclinique|animale)|
                    une fois (?:ouvert|entame)e?s?|apres (?:ouverture|l'ouverture)|
                    seuil (?:epileptogene|convulsif)
"""

VOCABULARY = """
acouphenes vertiges nausees vomissements vomissement diarrhee diarrhees constipation
cephalees migraine hallucinations cauchemars insomnie somnolence fatigue fatiguee epuisement
fourmillements picotements engourdissement engourdie engourdi tremblements palpitations
malaise malaises evanouissement evanouie convulsions sifflements bourdonnements oreilles
demangeaisons urticaire gonflement gonflee gonfle oedeme jaunisse ictere thrombopenie
neutropenie anemie hyponatremie hypoglycemie transaminases plaquettes saignements
hematomes hemorragie essoufflement respirer douleurs douleur crampes angoisse anxiete
depression tristesse confusion vision floue trouble selles noires fievre frissons
transpiration hospitalise hospitalisee hospitalisation urgences enceinte grossesse
allaitement surdosage defectueux defectueuse fissure casse cassee fuite contrefacon
reaction reactions allergie allergique symptomes effets indesirables secondaires
"""
