"""French lexicon as text tables, matched on folded text (lowercase, accents removed).

Same layout as lexicon_en (see there): TERMS, CUES and FRAGMENTS; accents are folded before
matching, so "hospitalisé" and "hospitalise" are one pattern, and "œ" is written "oe".
"""

from __future__ import annotations

FRAGMENTS = r"""
E               (?:e|s|es)?
BODY            (?:yeux|peau|teint|tension|foie|reins?|coeur|transaminases|enzymes|bilan|analyses|
                taux|glycemie|inr|plaquettes|cheveux|jambes|bras|mains|pieds|visage|levres|humeur|
                moral|sommeil|appetit|poids|fonction|creatinine|natremie|kaliemie|symptomes|crises|
                douleurs|selles|urines|regles|gencives|chevilles)
LAB             (?:transaminases|alat|asat|ggt|creatinine|natremie|kaliemie|glycemie|plaquettes|
                bilan (?:hepatique|renal|sanguin)|enzymes hepatiques|taux|inr|tsh|cpk|troponine|
                hemoglobine|lipase|bilirubine|sodium|potassium|glucose)\b
NUM             (?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs)
CHILD           (?:enfant|enfants|bebe|nourrisson|fils|fille|petit-fils|petite-fille|garcon|
                fillette|petit|petite|gosse|gamin|gamine|mome|bambin|eleve|ecolier|ecoliere)
PERSON_NOUN     (?:patient|patiente|patients|patientes|enfant|enfants|fils|fille|bebe|mari|femme|
                epouse|mere|pere|compagne|compagnon|conjoint|conjointe|client|cliente|soeur|frere|
                nourrisson|infirmiere|infirmier|collegue|pharmacien|pharmacienne|preparatrice|
                preparateur|grand-mere|grand-pere|petit-fils|petite-fille|garcon|homme|famille|
                sujet|foetus|nouveau-ne|adolescent|adolescente|residente|resident|ami|amie|voisin|
                voisine|personne agee|dame|monsieur)
DAMAGE          (?:casse|fissure|fele|brise|abime|endommage|deforme|perce|dechire|
                (?<!une fois )(?<!apres )ouvert|effrite|
                ecrase|descelle|entame|perfore)@E@
CONTAINER       (?:comprimes?|gelules?|capsules?|flacons?|ampoules?|boites?|plaquettes?|blisters?|
                bouchons?|capuchons?|seringues?|stylos?|emballages?|opercules?|bouteilles?|fioles?|
                sachets?|tubes?|cartons?|etuis?|poches?|cartouches?|conditionnements?)
DEVICE          (?:stylos?(?:[- ]injecteurs?)?|injecteurs?|auto-?injecteurs?|inhalateurs?|
                dispositifs?|seringues?(?: pre-?remplies?)?|pistons?|pompes?|applicateurs?|
                aiguilles?|cartouches?|sprays?|nebuliseurs?|patchs?|compte-?doses?|boutons?|
                bouchons?|capuchons?|embouts?|valves?|diffuseurs?|flacons? pressurises?|mecanismes?)
DEVICE_FAIL     (?:bloque@E@|coince@E@|s'est (?:bloque|coince|casse|tordu|detache|declenche|enraye|
                mis en securite)@E@|defectueu(?:x|se|ses)|en panne|enraye@E@|ne (?:fonctionne|
                marche|delivre|diffuse|colle|sort|s'enclenche|se declenche|pique|injecte|
                tient)\w* (?:pas|plus|rien)|n'(?:a|ont) pas (?:fonctionne|marche|delivre|injecte|
                diffuse|colle|tenu)|rien ne sort|ne sort (?:pas|rien)|tordue?s?|(?:aucun|rien|
                pas de)\s+(?:\w+\s+)?n'(?:est|a) (?:sorti|ete delivre)\w*|n'est (?:pas )?sorti\w*|
                rien n'est sorti|casse@E@|fuit|fuite|fuient|declenche@E@ trop tot|se decolle\w*|
                (?:s'est |est )?(?:decolle|tombe)@E@|dysfonctionn\w+)
"""

TERMS = r"""
# ---- adverse events
AE weak               eruptions?(?: cutanees?)?|boutons? (?:sur|partout|rouges?)|rougeurs?|
                      plaques? rouges?|urticaire|demangea\w+|(?:ca|ce qui) (?:le |la |lui )?gratte|
                      se gratte|prurit\w*|eczema|dermatite|erytheme|peau qui pele|desquamation|
                      photosensibilisation|toxidermie|bulles?|cloques?|lesions? cutanees?
AE weak               gonfl\w+|enfl\w+|oedemes?|angio-?oedemes?|bouffi\w*|oedeme de quincke
AE weak               (?:chute|perte)s? de(?:s)? cheveux|(?:perd|perdu|perdre) ~3~cheveux|
                      cheveux qui tombent|alopecie
AE weak               vertiges?|etourdi\w*|tete qui tourne|maux? de tete|cephalee\w*|migraines?|
                      nausee\w*|nauseeu\w+|envie de vomir|vomi\w*|diarrhee\w*|constipe\w*|
                      constipation|maux? (?:de|au) ventre|maux? d'estomac|douleurs? (?:abdominales?|
                      gastriques?|a l'estomac|au ventre)|ballonnements?|brulures? d'estomac|reflux|
                      gastrite|ulceres?|colite
AE weak               hepatites?|(?:insuffisance|atteinte|toxicite|lesion)s? hepatique\w*|
                      hepatotox\w+|icteres?|jaunisse|transaminases?|cytolyse|cholestase|cirrhose|
                      bilan hepatique (?:perturbe|anormal|eleve)|enzymes hepatiques
AE strong             deces|decede@E@|mort@E@|est mort|sont morts|issue fatale|fatal\w*|mourir|
                      meurt|a succombe
AE strong             hospitalis\w+|(?:admis|transfere|emmene|conduit|transporte)@E@ (?:aux|en|a l'|
                      a la|au) (?:urgences|reanimation|hopital|soins intensifs|usic|clinique|
                      service)|reanimation|soins intensifs|intube@E@|ventilation mecanique|samu|
                      pompiers
AE weak               urgences
AE weak               malaises?|evanoui\w*|syncopes?|perte de connaissance|perdu connaissance|
                      perte de conscience|inconscient\w*|coma\b|effondre\w*|lipothymi\w+
AE weak               convuls\w+|crises? (?:convulsives?|d'epilepsie|epileptiques?|comitiales?)|
                      epilepsie
AE weak               saign\w+|hemorragi\w+|epistaxis|bleus?\b|hematomes?|ecchymos\w+|
                      sang dans les (?:urines|selles)|hematurie|melena|petechies?|rectorragi\w+
AE weak               inr\b ~3~(?:monte|augmente|eleve|haut|double|a \d+|de \d+|superieur|depasse)|
                      (?:hausse|augmentation|elevation) (?:de l'|du )?inr|inr (?:a|de) \d+
AE weak               somnolen\w+|endormi\w*|sedation|seda\w+|fatigue@E@|fatigue\b|epuise@E@|
                      asthenie|faiblesse|dort (?:beaucoup|tout le temps)|lethargi\w+|abattu@E@
AE weak               palpitations?|tachycardie|bradycardie|arythmie|fibrillation|
                      (?:le )?coeur qui (?:s'emballe|bat vite)|douleurs? thoraciques?|qt (?:long|
                      allonge)|allongement du qt|torsades? de pointes?
AE weak               anaphyla\w+|reactions? allergiques?|allergie|hypersensibilite|
                      choc (?:anaphylactique|allergique)
AE weak               essouffl\w+|dyspnee|difficultes? (?:a|pour) (?:respirer|avaler)|
                      du mal a respirer|toux|tousse\w*|bronchospasme|detresse respiratoire|
                      insuffisance respiratoire|depression respiratoire|pneumopathie|
                      fibrose pulmonaire|embolie pulmonaire|crise d'asthme
AE weak               vision (?:trouble|floue|double)|troubles? (?:visuels?|de la vue)|
                      baisse de (?:la )?vision|cecite|acouphenes?|perte d'audition|surdite
AE weak               confus\w*|desorient\w+|agit(?:e|ee|ation)|hallucinations?|delire|psychose|
                      depressi\w+|idees (?:suicidaires|noires)|suicid\w+|anxi\w+|angoiss\w+|
                      insomnie|ne dort plus|cauchemars?|troubles? de l'humeur|agressi\w+|irritab\w+|
                      troubles? du comportement|pertes? de memoire|crises? de panique
AE weak               tremblements?|tremble\w*|fourmillements?|engourdi\w+|picotements?|
                      paresthesies?|neuropathie|avc|accident vasculaire|paralysie
AE weak               douleurs? (?:musculaires?|articulaires?|osseuses?|dorsales?)|myalgies?|
                      crampes?|rhabdomyolyse|arthralgies?|mal au dos|tendinite|rupture (?:du|
                      de) tendon|(?:est |etait )?tombe@E@\b(?! enceinte)|chutes?\b(?! de (?:cheveux|
                      tension))|fractures?|s'est casse (?:le|la|l'|un|une)
AE weak               fievre|febrile|hyperthermie|frissons|infections?|septicemie|sepsis|pneumonie|
                      mal de gorge|aphtes?|mycose
AE weak               (?:insuffisance|atteinte|toxicite|lesion)s? renale\w*|nephrotox\w+|
                      creatinine ~2~(?:augmente|eleve|double|monte|haut)\w*|(?:hypo|hyper)(?:natr|
                      kali|calc|glyc|magnes)\w*mie|(?:natremie|kaliemie|glycemie) ~2~(?:\d+|basse|
                      haute|elevee)|hypos?\b
AE weak               @LAB@~3~(?:\d+|augment\w*|eleve\w*|monte\w*|baiss\w*|chute\w*|diminu\w*|
                      perturb\w*|anorma\w*|doubl\w*|tripl\w*|toxique\w*|bas|basse|haut|haute)|
                      (?:taux|dosage|concentration)s? toxiques?
AE weak               acidose(?: lactique)?|defaillance multi-?viscerale|(?:yeux|peau|
                      teint) ~3~jaune\w*|moral ~2~(?:bas|a zero)|en finir|
                      n'arrive plus a (?:rien )?garder|ne garde rien|pleure (?:beaucoup|
                      tout le temps|sans arret)|dort toute la journee|grognon
AE weak               thrombopeni\w+|neutropeni\w+|agranulocytose|leucopeni\w+|anemi\w+|
                      pancytopeni\w+|plaquettes (?:basses|effondrees|a \d+)|aplasie
AE weak               infarctus|crise cardiaque|arret cardiaque|insuffisance cardiaque|
                      cardiomyopathie|thromboses?|phlebite|embolies?|caillots?|pancreatite|
                      stevens-?johnson|lyell|dress\b|syndrome serotoninergique|syndrome malin|lupus|
                      vascularite
AE weak               hypotension|tension ~1~(?:a chute|chute|basse|a baisse)|
                      chute de (?:la )?tension|prise de poids|(?:pris|grossi) (?:de )?\d+ ?(?:kg|
                      kilos)|a grossi|sueurs?|transpiration|bouffees de chaleur|bouche seche|
                      (?:perte|trouble|alteration)s? du gout|gout metallique|impuissance|
                      troubles? de l'erection|baisse de (?:la )?libido|gynecomastie|
                      troubles? des regles|amenorrhee
AE weak               reactions? (?:au|a l'|du) (?:point|site) d'injection|brulures?|brule\w*|
                      pique\b|aggrav\w+|deterior\w+|poussee|toxicite|intolerance (?:au|a la|
                      a ce) (?:traitement|medicament|produit)|ne se sent pas bien|se sent (?:mal|
                      bizarre)|(?:s'est senti|se sentait)@E@ ~2~(?:mal|bizarre|somnolent\w*|faible|
                      fatigue\w*)
AE weak               malformations?|anomalies? congenitales?|fente (?:labiale|palatine)|
                      bec-de-lievre|ne@E@ avec|fausses?[- ]couches?|mort-ne@E@|prematur\w+|
                      avortement spontane|anomalie du tube neural
AE weak               effets? (?:indesirables?|secondaires?|adverses?)|\bei\b|\beig\b|
                      evenements? indesirables?|reactions?|effets? (?:graves?|severes?)|symptomes?|
                      sequelles?|complications?|evenement
AE strong             (?<!n')(?:a|ont|ayant|avait|aurait) (?:presente|developpe|
                      souffert d\w*)\b(?! (?:aucun|aucune|pas|ni|rien)\b)(?! (?:une |un )?(?:manque|
                      perte) d'efficacite)
AE strong             (?:resolu|disparu|regresse|ameliore|gueri|corrige|normalise|
                      favorable)@E@ ~3~(?:a l'arret|apres (?:l'arret|arret|la diminution)|
                      a la diminution)|(?:dechallenge|rechallenge|reintroduction) positi\w+|
                      recidive a la reintroduction|evolution (?:a ete |est )?favorable|
                      (?:non )?(?:encore )?retabli@E@|avec sequelles|juge@E@ (?:grave|serieux|
                      lie)@E@|critere de gravite
# ---- product quality complaints
PC strong             @DEVICE@\s+~6~@DEVICE_FAIL@
PC strong             @CONTAINER@ ~4~@DAMAGE@|(?:arrive|livre|recu)@E@ ~2~@DAMAGE@|
                      @CONTAINER@ ~3~(?:fuit|fuient|fuite|coule|a coule|suinte)
PC strong             (?:a |ont )?change@E@ de (?:couleur|aspect|odeur|gout|consistance|forme)|
                      couleurs? (?:anormale|differente|inhabituelle|bizarre|etrange)s?|decolore@E@|
                      jauni@E@|bruni@E@|odeurs? (?:bizarre|etrange|inhabituelle|anormale|
                      desagreable|forte|chimique)s?|sent (?:mauvais|bizarre|le |la |fort)|
                      gout (?:bizarre|different|etrange|inhabituel)|(?:aspect|forme|
                      taille) (?:different|inhabituel|anormal|bizarre)e?|pas le meme (?:aspect|gout|
                      couleur|forme)|ne ressembl\w+ pas|differents? de d'habitude|plus (?:pale|
                      fonce)s?
PC strong             (?:solution|liquide|suspension|sirop|produit|collyre) ~2~trouble|
                      aspect trouble|particules?|depots?|precipite|corps etrangers?|moisi\w*|
                      contamin\w+|cristaux|grumeaux|impuretes?
PC strong             (?:pas de|sans|manque la|absence de|aucune|il manque la) ~1~(?:notice|
                      etiquette|numero de lot|date de peremption)|(?:notice|etiquette|numero de lot|
                      n° de lot|date de peremption|etiquetage) ~3~(?:manquant|absent|illisible|
                      errone|faux|fausse|mal imprime|decolle|efface|n'appara\w+ pas)@E@|(?:mauvaise|
                      fausse) etiquette|erreur d'etiquetage
PC strong             (?:alveoles?|plaquettes?|blisters?|boites?|flacons?|gelules?|ampoules?|
                      cartouches?|stylos?) vides?|(?:comprimes?|gelules?|doses?) en moins|
                      (?:il )?manqu\w+ (?:un|une|des|deux|trois|\d+) (?:comprime|gelule|dose|flacon|
                      ampoule)s?|opercule ~2~(?:casse|ouvert|abime|decolle)@E@
PC strong             (?:etiquette|boite|notice|plaquette|emballage)\b~1~(?:indique|dit|mentionne|
                      affiche)\b~5~mais|ne correspond\w* pas|discordance|incoherence
PC strong             reclamations? (?:qualite|produit)|defauts? (?:de )?qualite|
                      probleme de qualite|defaut de fabrication
# ---- special situations
pregnancy weak        en est a \d+ (?:semaines|mois)|(?:\d+|deux|trois|quatre|cinq|six|sept|huit|
                      neuf) (?:semaines|mois) de grossesse|enceinte|grossesses?|conception|
                      concue?s?|concevoir|concevait|trimestre|in utero|\d+ (?:sa|
                      semaines d'amenorrhee)\b|
                      exposition (?:pendant|durant|au cours de) la grossesse|exposition paternelle|
                      paternel\w*
pregnancy strong      (?:pere|mari|compagnon|conjoint)\b ~3~(?:etait|a ete) (?:sous|traite|
                      en cours)|(?:pere|mari|compagnon|conjoint)\b ~3~(?:prenait|a pris|recevait)|
                      tombee? enceinte
breastfeeding weak    allait\w*|lait maternel|lactation|(?:exposition|expose@E@) (?:par|via) le lait
overdose weak         surdos\w+|volontairement (?:pris|avale|ingere)|(?:pris|avale|
                      ingere)@E@ volontairement|over-?dose|intoxication\w*|tentative de suicide|
                      \bts\b|ingestion (?:massive|volontaire)|prise massive|(?:toute|tout) (?:la|le|
                      une|sa|son) (?:boite|plaquette|flacon|tube|blister)|trop de (?:comprimes|
                      gelules|doses)|(?:double|triple) dose|dose (?:double|adulte|excessive|
                      trop (?:forte|elevee))|(?:deux|trois|dix) fois la dose|
                      plus que (?:la dose )?prescrit\w*|doubl\w+ (?:la|sa) dose|dose (?:decuplee|
                      multipliee)
medication_error strong par (?:erreur|inadvertance|megarde)|erreurs? (?:de |d'|
                      medicamenteuses?)\s?(?:dispensation|delivrance|administration|prescription|
                      dosage|posologie|medicament|voie|patient|produit|manipulation)?|
                      mauvaise? (?:dose|dosage|medicament|produit|patient|voie|posologie|
                      concentration|forme|seringue|stylo)|trompe\w* de|s'est trompe\w*|
                      confusion (?:entre|avec)|confondu|double dose|deux fois (?:sa|la) dose|
                      (?:pris|donne|administre)\w* deux fois
medication_error weak au lieu (?:de|d')|a la place (?:de|d')
misuse weak           mesusage|usage detourne|mauvais usage|mauvaise utilisation|(?:traitement|
                      medicament|comprimes|ordonnance|pilule|inhalateur|stylo|creme) de (?:sa|
                      son) (?:soeur|mere|pere|mari|femme|frere|amie?|voisine?|fille|fils|
                      conjoint\w*)|pour maigrir|pour perdre du poids|automedication|sans ordonnance|
                      sans prescription|ne respecte pas (?:la posologie|la prescription|
                      l'ordonnance)|hors prescription|non conforme|quand (?:il|elle) (?:en )?a envie
abuse weak            \babus\b|sniff\w*|\bsnif\w*|se droguer|pour planer|planer|defonce\w*|
                      toxicomani\w+|addict\w+|dependan\w+|usage recreatif|detourne\w* (?:pour|
                      a des fins)|nomadisme medical|revend\w*
off_label weak        hors (?:amm|autorisation|indication|rcp|libelle|etiquette|cadre)|
                      en dehors (?:de l'amm|de l'indication|de son indication|des indications|
                      du rcp)|pas d'amm (?:dans|pour|chez)|non (?:autorise|indique|
                      agree)\w* (?:dans|chez|pour)|sans amm
lack_of_efficacy weak inefficac\w+|manque d'efficacite|perte d'efficacite|ne fait (?:plus|pas|
                      aucun) (?:d')?effet|n'(?:a|ont) (?:eu )?(?:pas|aucun|
                      plus) (?:d')?effet(?!s? (?:indesirable|secondaire))|ne (?:marche|fonctionne|
                      agit|repond) (?:pas|plus)|n'(?:a|ont) pas (?:marche|fonctionne|agi|repondu)|
                      ne (?:le |la |les |l')?soulag\w+ (?:pas|plus)|n'agit (?:pas|plus)|
                      echec (?:therapeutique|du traitement|de traitement|vaccinal|
                      de la contraception)|(?:aucune|pas d'|sans) amelioration|(?:crises|symptomes|
                      douleurs|convulsions|migraines) ~2~(?:revenu|reapparu|recidive)\w*|
                      reste (?:elevee?|haute?|douloureu\w+)|toujours (?:aussi )?(?:elevee?|haute?|
                      douloureu\w+)|(?:est |a )?remonte@E@|attrape la maladie|
                      malgre (?:le traitement|la dose|la prise|une dose)|moins efficace|(?:mal|non|
                      pas) controle@E@|desequilibre@E@
interaction weak      interactions?(?: medicamenteuses?)?|interag\w+
occupational_exposure strong exposition professionnelle|accident d'exposition|
                      (?:s'est )?pique@E@ (?:avec|par) (?:l'|une |la |un )?(?:aiguille|seringue|
                      stylo)|piqure accidentelle|eclabouss\w+|projections? ~1~(?:dans|sur) (?:les |
                      l'|le |la )?(?:yeux|oeil|visage|peau|mains?)|renvers\w+ ~5~(?:mains?|peau|
                      bras|yeux)|(?:infirmiere?|pharmacien\w*|preparat\w+|soignant\w*|
                      aide-soignant\w*|personnel) ~6~(?:expose|contamine|pique)@E@
accidental_exposure strong (?:ingestion|exposition|prise) accidentelle|accidentellement|
                      par accident|@CHILD@\b ~6~(?:a avale|a ingere|a mange|a mis|a mache|a suce|
                      a croque|avale|ingere|s'est (?:applique|mis))|(?:a avale|
                      a ingere) ~5~(?:de son|de sa|de ses|des) (?:grand|parents|mere|pere|frere|
                      soeur)|transfert ~3~(?:enfant|conjoint|partenaire)
expired_product weak  perime@E@|date de peremption ~3~(?:depassee|passee|expiree)|
                      peremption (?:depassee|passee)|apres (?:la )?(?:date de )?peremption|hors date
counterfeit_product weak contrefa\w+|faux medicaments?|falsifie@E@|pas authentique|(?:achete|
                      commande)@E@ ~3~sur (?:internet|un site)
"""

CUES = r"""
negation            pas|aucun|aucune|sans|jamais|ni|absence (?:de|d')|rien|nul|nulle|nie
pseudo_negation     pas seulement|non seulement|pas sur\w*|pas certain\w*|ne sai[st] pas|pas clair|
                    sans doute|pas encore|pas forcement|pas lie\w*|pas pu|pas reussi|n'exclu\w* pas|
                    pas exclu\w*|sans que|rien de (?:grave|serieux|bien mechant|important|alarmant)|
                    pas (?:bien |tres )?grave|pas grand-chose
negation_post       (?:a ete |est |ont ete |sont )?(?:exclu|ecarte|negati[fv])\w*
breaker             mais|cependant|toutefois|pourtant|neanmoins|sauf|hormis|a part|en dehors de|
                    excepte|en revanche|par contre|alors que|tandis que|car|parce que|puisque|
                    depuis|apres|quand|lorsqu\w*|et (?:il|elle|le|la|maintenant|puis|depuis|a|est)|
                    puis|juste|seulement|simplement|uniquement|,\s*(?:il|elle|le|la|les|son|sa|ses|
                    on|je)\b
hypothetical        si|s'il|s'ils|en cas (?:de|d')|au cas ou|dans le cas ou|si jamais|eventuel\w*|
                    pour eviter|pour prevenir|risque (?:de|d')|risques
indirect_question   (?:savoir|demande\w*|verifier|voir|dire|sur\w*|comprendre|confirmer|preciser|
                    sai[st])\s+(?:\S+\s+){0,2}$
person              (?:mon|ma|mes|notre|nos|son|sa|ses|leur|leurs|cette|ce|cet|un de mes|une de mes|
                    plusieurs de mes|deux de mes) (?:\w+ )?@PERSON_NOUN@
person              (?<!chez )(?:le|la|l') ?@PERSON_NOUN@\b(?! (?:doit|peut|devrait|insuffisant|
                    age))
person              (?<!-)\belle\b|(?<!-)\bil\b(?! (?:y|faut|existe|est (?:possible|necessaire|
                    recommande|conseille|preferable|utile|indique|contre-indique|important|normal|
                    vrai|dangereux|risque)|s'agit|semble|convient|parait))|\blui\b|\bl'a\b|
                    s'est (?:senti|plaint|pique|casse|mis|blesse|evanoui|effondre)\w*
person              (?:son|sa|ses|leur|leurs) @BODY@|(?:deux|trois|quatre|cinq|\d+|
                    plusieurs) (?:de (?:mes|nos) )?patient(?:e)?s|
                    (?<!moins de )(?<!plus de )\b(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|
                    dix|onze|douze) (?:ans|mois)\b
person              (?:un|une) (?:patient|patiente|enfant|femme|homme|bebe|nourrisson|infirmiere|
                    infirmier|cliente?) (?:de \d+ ans|qui|a (?:eu|fait|pris|presente|recu|des|une|
                    un)|presente|souffre)|produit suspect|medicament suspect
deictic_time        depuis (?:que|qu'|hier|\d|un|une|deux|trois|quatre|cinq|six|quelques|plusieurs|
                    le debut|l'instauration|l'introduction|la prise|l'augmentation|le changement|
                    la hausse|le passage|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce |
                    cette|la semaine|le mois|longtemps|peu|la derniere|le dernier|sa|son)|hier|
                    avant-hier|(?:la|cette) (?:nuit|semaine|veille)|ce matin|ce soir|cette nuit|
                    (?:la semaine|le mois|l'an|l'annee|lundi|mardi|mercredi|jeudi|vendredi|samedi|
                    dimanche) dernier\w*|il y a (?:\d+|un|une|deux|trois|quelques|plusieurs)|
                    pendant (?:\d+|un|une|deux|trois|quelques|plusieurs|toute)|maintenant|a ce jour|
                    jusqu'ici|jusqu'a present
onset               (?:apres|des|suite a|a la suite) (?:\w+ ){0,2}(?:le debut|l'introduction|
                    la (?:premiere|deuxieme|derniere|seconde) (?:prise|injection|dose|perfusion|
                    cure)|la prise|l'injection|la perfusion|l'augmentation|le changement|
                    la vaccination)|@NUM@ (?:heures?|jours?|semaines?|mois) (?:apres|plus tard)
event               a (?:eu|fait|presente|developpe|pris|recu|ressenti|avale|signale|constate|note)|
                    ont (?:eu|fait|presente|developpe|pris)|(?<!y )a des|(?<!y )a une|(?<!y )a un|
                    presente (?:une|un|des)|souffre|se plain\w+|est (?:decede|hospitalise|tombe)\w*|
                    a ete|sous (?:traitement|\w+) depuis|signale|rapporte|prend|prenait
report_intent       (?:veux|voudrais|souhaite|souhaiterais|dois|appelle pour|
                    appelle afin de) (?:vous )?(?:signaler|declarer|notifier|rapporter)|signaler un|
                    declarer un
generic             donnees?|informations?|litterature|publications?|publie\w*|etudes?|essais?|
                    frequen\w+|incidence|pourcentage|taux|risques?|connu\w*|decri\w*|rcp|notice|
                    monographie|rapporte\w* (?:avec|dans|sous)|des cas|cas de|recommand\w+|
                    conduite a tenir|que faire|comment|en general|generalement|habituellement|
                    les patients|chez (?:l'|le |la |les )|peut-il provoquer|peut provoquer|
                    peut-elle provoquer|peut entrainer|peut donner
question_start      ^\W*(?:quel\w*|comment|combien|pourquoi|ou|quand|est-ce|existe-t-il|y a-t-il|
                    peut-on|faut-il|doit-on|avez-vous|pouvez-vous|le \w+ (?:est|contient|peut)-\w+|
                    la \w+ (?:est|contient|peut)-\w+|a-t-on|des cas|y-a-t-il|serait-il|est-il)\b
question_start      \w+-(?:il|elle|on|ils|elles)\b
condition           (?:patients?|patientes?|personnes?|femmes?|hommes?|enfants?|adultes?|sujets?|
                    quelqu'un) (?:avec|ayant|atteints? d\w*|souffrant d\w*|presentant)
                    (?: une?| des)? ~2~$
condition           (?:antecedents? (?:de |d')|connu\w* pour |preexistant\w* |chronique |
                    traitement (?:de |du |des |d')|traiter |indique\w* (?:dans|pour) |
                    pour prevenir |prevention (?:de|des|du) |prophylaxie (?:de|des|du) |
                    utilis\w+ (?:dans|pour) )(?:\w+ ){0,1}$
condition           (?:utilis\w+|prescri\w+|indique\w*|traiter|prend|prendre|
                    prenait)\b(?:\s+\S+){0,3}\s+pour\s+(?:\w+\s+){0,2}$
prospective         (?:peut-elle|peut-il|pourrait-elle|pourrait-il|peut-on|pourrait-on|puis-je|
                    faut-il|doit-elle|doit-il|doit-on|dois-je|devrait-il|devrait-elle)
                    \s(?:lui |en )?(?:prendre|utiliser|commencer|debuter|
                    prescrire|donner|recevoir|arreter|l'utiliser|le prendre|la prendre|le prescrire|
                    initier)|(?:elle|il|on|je) (?:peut|pourrait|doit|pourra) (?:\w+ )?(?:prendre|
                    utiliser|commencer|debuter|recevoir|le prendre|la prendre|l'utiliser)|
                    (?:souhaite|envisage|desire|veut|projet|projette|
                    desir) (?:\w+ ){0,2}(?:grossesse|enceinte|bebe|enfant|allaiter)|
                    desir de grossesse|projet de grossesse|avant (?:la|une) grossesse|
                    avant de (?:concevoir|tomber enceinte)
exposure            prend|prenait|pris|sous (?:traitement|\w+)|traite@E@|exposition|expose@E@|
                    recoit|a recu|recevait|continu\w+|poursui\w+|pendant (?:toute )?(?:sa|
                    la) grossesse|prescri\w+|administre\w*|donne|injecte\w*|applique\w*|avale|
                    utilis\w+
coadmin             (?:pris|prend|prenait|prendre|bu|boit|associe\w*|melange\w*|donne|combine\w*|
                    administre\w*) ~3~(?:avec|et|en meme temps)|en association avec|associe\w* (?:a|
                    au|aux|avec)|en meme temps que|conjointement|co-?administ\w+|co-?prescri\w+|
                    (?:avec|et) (?:de l'|l')?(?:alcool|pamplemousse|millepertuis|warfarine|
                    clarithromycine|ketoconazole|rifampicine|antibiotique)|(?:alcool|millepertuis)\b
administration      donne|a pris|pris|prend|prenait|injecte|administre|recu|avale|ingere|applique|
                    utilise
quantity            plusieurs|beaucoup|toute|tout le|\d{2,}|[3-9] (?:comprimes|gelules|cachets)|
                    (?:trois|quatre|cinq|six|sept|huit|neuf|dix|vingt) (?:comprimes|gelules|cachets)
exclusion           intolerance au (?:lactose|gluten)|intolerant\w* au (?:lactose|gluten)|
                    (?:plaquettes?|blisters?) (?:thermoformee|de \d+|de comprimes)|
                    conditions de conservation|temps de reaction|la prise de (?:sang|rendez-vous)|
                    (?:comprime|gelule) (?:est )?(?:secable|a croquer)|symptomes? de (?:la|
                    sa) (?:maladie|pathologie)|effets? (?:indesirables?|secondaires?) (?:du rcp|
                    de la notice|decrits|connus|listes|attendus)|
                    reanimation (?:neonatale )?(?:protocol\w*)|les urgences (?:de|du) (?:la|
                    le) (?:region|ville)|infections? (?:urinaires?|a) traiter
"""
