"""Third French table: wordings found missing on the second training corpus (see bench/screening).

Same layout as lexicon_fr (see there); appended after lexicon_fr_symptoms. Kept general: each
entry names a family of wordings, never one sentence.
"""

from __future__ import annotations

FRAGMENTS = r"""
OWNER           (?:mere|pere|mari|femme|epouse|soeur|frere|ami|amie|copain|copine|compagnon|
                compagne|conjoint|conjointe|voisin|voisine|collegue|fils|fille|grand-mere|
                grand-pere|tante|oncle|cousin|cousine|colocataire)
FORMS           (?:ordonnance|comprimes?|cp|cachets?|gelules?|medicaments?|medocs?|traitement|ttt|
                inhalateur|stylo|creme|gel|patchs?|spray|gouttes|sachets?)
"""

TERMS = r"""
# ---- adverse events
AE weak               (?:est |sont |a |ont )?(?:passee?s?|monte\w*|grimpe\w*|chute\w*|descendu\w*|
                      tombee?s?) de \d+(?:[.,]\d+)? a \d+|
                      de \d+(?:[.,]\d+)? a \d+(?:[.,]\d+)?~3~(?:apres|depuis|sous|en \d+)
AE weak               \w{3,}(?:opathies?|emies?|algies?|penies?|rrhees?|plegies?|cytoses?|
                      nephrites?|hepatites?|pancreatites?|myosites?|vascularites?|dermites?|
                      necroses?|fibroses?|thromboses?)\b
AE weak               vergetures|peau (?:qui devient |devenue |est )?(?:fine|fragile|fripee)|
                      (?:plus de|pas de|n'a plus ses|n'a plus de|absence de) regles|
                      regles (?:irregulieres|abondantes|arretees)|ne mange plus|perte d'appetit|
                      (?:a |ont )?perdu \d+ ?(?:kg|kilos?)|(?:a |a pris )?pris \d+ ?(?:kg|kilos?)|
                      amaigri\w*|troubles? de l'erection|(?:plus de|baisse de|perte de) (?:libido|
                      desir)|(?:ongles?|cheveux) ~3~(?:decoll\w+|tomb\w+|cass\w+|noir\w*)|
                      (?:ne peut plus|n'arrive plus a) (?:marcher|se lever|voir|entendre|respirer|
                      avaler|parler|dormir)|(?:urines?|pipi) ~3~(?:foncees?|rouges?|marron|sang)|
                      oublis?|(?:ne )?reconna\w+ plus|tremble\w*|secousses|crampes?|raideurs?|
                      (?:est |devenu\w* |teint )(?:jaune|gris|pale|bleu)
AE strong             (?:survenu\w*|apparu\w*|observee?s?|diagnostiquee?s?|constatee?s?|
                      rapportee?s?) chez (?:un|une|le|la|ce|cette|notre) (?:\w+ ){0,3}(?:patient|
                      patiente|homme|femme|enfant|garcon|fille|nourrisson|sujet|adolescent|
                      adolescente|nouveau-ne)
AE weak               langue ~2~(?:noire|chargee|gonflee|brulee|qui brule)|(?:gout|
                      saveur) metallique|(?:baisse|perte|plus) (?:de )?(?:sa |la )?(?:libido|desir)
# ---- product complaints
PC strong             (?:alveoles?|gelules?|capsules?|sachets?|flacons?|ampoules?|cartouches?|
                      stylos?|boites?|plaquettes?) ~4~(?:vides?|sans (?:poudre|liquide|comprime|
                      produit))|(?:etait|etaient|sont|est) vides?|pas de poudre dedans|
                      plus rien ne sort|rien ne sortait
PC strong             vire\w* (?:au|a l'|en|a) (?:brun|jaune|rose|vert|bleu|noir|gris|marron|orange|
                      blanc|rouge|trouble)
PC strong             (?:sent|sentait|odeur|gout) ~3~(?:de |d'|le |la |bizarre|etrange|vinaigre|
                      moisi|plastique|chimique|rance|pourri)|friable\w*|effrit\w+|
                      colle\w* entre eux|fondu\w*|poisseu\w+
PC strong             points? (?:noirs?|blancs?|bruns?)|taches? (?:noires?|blanches?|
                      brunes?) (?:sur|dans) (?:le|la|les|un|une)|cheveu|poils? (?:dans|
                      a l'interieur)|fibres? (?:dans|a l'interieur)|insectes?|eclats? de verre|
                      particules?|corps etrangers?|filaments?
PC strong             (?:embout|capuchon|bouchon|ressort|bouton|molette|compteur|piston|valve|bague|
                      opercule|cartouche)s? ~4~(?:fissure\w*|casse\w*|decroche\w*|detache\w*|
                      bloque\w*|coince\w*|manquant\w*|absente?s?|tordu\w*|n'avait pas|sans)|
                      sans (?:bague|opercule|scelle|sceau)(?: de securite)?|deja ouverte?s?|(?:ne|
                      n') ~2~(?:dissout|dissolvait|se dissout|se melange) (?:pas|plus)|(?:patchs?|
                      pansements?) ~4~(?:decoll\w+|tomb\w+|ne (?:colle|tient)\w* (?:pas|plus))
PC strong             (?:ne )?contenai\w* (?:que|seulement|uniquement)|tourne dans le vide|
                      impossible de (?:regler|selectionner|armer|purger|visser|percer|
                      ouvrir) (?:la |le |l')?(?:dose|stylo|aiguille|flacon|opercule)|(?:contenai\w*|
                      contient|contiennent|trouve\w*|compte\w*) \d+ (?:\w+ ){0,2}au lieu des? \d+|
                      notice ~3~en (?:polonais|allemand|anglais|italien|espagnol|portugais|
                      neerlandais|roumain|grec|langue etrangere)|notice d'un autre (?:medicament|
                      produit|dosage)|retrouve\w* dans (?:une |la |un )?(?:boite|etui|carton|
                      flacon)|(?:particules|fibres|filaments|corps etrangers?) (?:visibles|
                      en suspension)
PC strong             (?:logo|police|impression|hologramme|code datamatrix|datamatrix|code-barres|
                      orthographe|texte) ~4~(?:flou\w*|different\w*|bizarre|manquant\w*|absente?|
                      efface\w*|de travers|faute\w*)|sans (?:code )?(?:datamatrix|hologramme|
                      numero de lot|date de peremption)
# ---- special situations
misuse weak           (?:ceux|celles|celui|celle) (?:de|d') (?:son|sa|ses|mon|ma|leur) @OWNER@|
                      prescrit\w* (?:a|pour) (?:son|sa|ses|mon|ma|leur) @OWNER@|(?:de|du|d'un|
                      d'une) (?:son|sa|ses|mon|ma|leur) (?:\w+ )?@OWNER@ ~2~(?:pour|depuis|en|,|et)|
                      (?:@FORMS@) (?:de|d') (?:son|sa|ses|mon|ma|leur) @OWNER@|(?:donne|donnait|
                      prete|partage)\w* (?:son|sa|ses) ~2~a (?:son|sa|ses) @OWNER@|(?:coupe|decoupe|
                      divise)\w* (?:ses|les|son|le) (?:patchs?|stylos?|gelules?) ~3~(?:en deux|
                      pour (?:faire durer|economiser))|pour (?:reviser|maigrir|perdre du poids|
                      tenir le coup|se doper)
abuse weak            (?:fume|sniffe|inhale|machouille|mache)\w* (?:les |le |ses |son )?(?:patchs?|
                      poudre|comprimes? ecrases?)|en soiree|pour\W+(?:planer|se defoncer|
                      decompresser|etre stone|se shooter)|(?:avec|et) de l'alcool pour|
                      achete\w* dans la rue
medication_error strong (?:injecte|administre|passe|donne|perfuse)\w* (?:\S+ ){0,3}(?:en )?(?:iv|im|
                        sc|intraveineuse|intramusculaire|sous-cutanee|per os) ~5~(?:uniquement|
                        seulement|exclusivement|au lieu|alors que|reserve)|(?:traitement|ttt|
                        medicaments?|comprimes?|pilulier|dose) (?:de|destine a|prevu pour) (?:mme|
                        m\.|mr|monsieur|madame|la voisine|le voisin|un autre|une autre|l'autre)|
                        (?:a|aux?) (?:mme|m\.|mr|monsieur|madame) \w+ (?:au lieu|a la place)|(?:lu|
                        ecrit|saisi|programme|delivre|note)\w* (?:\S+ ){1,3}au lieu de|(?:oublie|
                        ne se souvenait plus)\w* ~5~(?:deja pris|deja pris sa|deja eu)|
                        deja pris (?:sa|son|le|la) (?:dose|comprime|cp|injection)|
                        noms? (?:qui se ressemblent|proches?)|confusion entre
overdose weak         (?:en une (?:seule )?fois|d'un coup|tout (?:d'un coup|le blister|la boite))|
                      (?:\d+|deux|trois) fois (?:sa|la) dose|(?:a pris|avait pris|
                      ont pris) \d{2,} (?:cp|comprimes?|gelules?|cachets?)
off_label weak        en dehors (?:de l'|des indications de l')?amm|(?:au-dela|au dessus|
                      plus) (?:de la|que la) dose (?:maximale|max|autorisee|de l'amm)|hors (?:amm|
                      autorisation|indication)|(?:pas|n'est pas) (?:d'amm|autorise\w*|
                      indique\w*) ~3~(?:chez|pour|avant|en dessous)|(?:l'amm|amm) (?:c'est |
                      est )?(?:a partir de|chez|reservee?)|(?:prescrit|donne|utilise|
                      mis)\w* ~3~(?:un bebe|un nourrisson|un enfant de \d+ (?:mois|ans))
lack_of_efficacy weak malgre (?:\w+ ){0,3}(?:de )?(?:traitement|ttt|prise)|ne (?:fait|marche|
                      agit) (?:plus rien|plus|pas)|aucun effet (?:sur|positif|benefique)|
                      (?:toujours|encore) (?:aussi|autant) ~2~(?:mal|de crises|de douleurs)|
                      comme avant|malgre (?:le|la|les|un|une) (?:traitement|dose|prise)|(?:pilule|
                      contracept\w+|sterilet|implant) ~4~enceinte|(?:reviennent|revenues?|
                      reprennent|recommence\w*)
accidental_exposure strong @CHILD@\b ~6~(?:avale\w*|mange\w*|croque\w*|machouill\w*|mache\w*|
                           suce\w*|leche\w*|bu|trouve\w*|mis dans (?:la|sa) bouche|joue avec)|
                           (?:chien|chat|animal)\b ~4~(?:mange|avale|machouill\w+|leche)\w*|
                           (?:touche\w*|contact avec|serre\w* dans (?:ses|mes) bras|
                           calin\w*) ~5~(?:gel|creme|patch|spray|pommade|peau|epaule)|(?:gel|creme|
                           patch|spray|pommade) ~8~(?:touche\w*|calin\w*|contact)
occupational_exposure strong (?:renverse|verse|projete|eclabousse|coule)\w* ~5~sur (?:les|ses|mes|
                             la|sa) (?:mains?|bras|yeux|visage|peau|doigts?)|(?:pique\w*|blesse\w*|
                             coupe\w*) (?:\w+ ){0,3}(?:doigt|main|pouce)|(?:poudre|liquide|solution|
                             gouttes?|spray|creme|gel) ~5~dans (?:l'oeil|les yeux|l'oeil|la bouche|
                             le visage)|(?:en (?:ecrasant|manipulant|preparant|reconstituant|
                             deconditionnant)) ~6~(?:inhale\w*|recu\w*|projete\w*|eclabouss\w*)|
                             accident d'exposition
expired_product weak  (?:reste|restant|fond) (?:de|d') ~3~(?:l'an dernier|l'hiver|l'annee)|perim\w+|
                      date (?:de peremption|limite)(?: \w+)? (?:depassee|passee)|
                      a utiliser dans les \d+ (?:jours|semaines|mois)
breastfeeding weak    tire\w* (?:son |le )?lait|lait (?:tire|maternel)|donne\w* le sein|au sein|
                      allait\w*
"""

CUES = r"""
generic             (?:est|sont) (?:deconseill|contre-indiqu)\w*|n'a pas ete etudie\w*|
                    a titre general|de (?:facon|maniere) generale|aucun patient (?:en )?particulier
exclusion           entame\w* (?:se conserv\w+|peut|doit|combien|jusqu)|une fois (?:entame|
                    ouvert)\w*|apres (?:ouverture|entame)|(?:afin|pour) d'eviter (?:toute |les |
                    des )?(?:confusions?|erreurs?)|(?:ont|auront|avoir) des couleurs differentes
condition           (?:depuis l'(?:enfance|adolescence)|depuis (?:19|20)\d\d|porteu(?:r|se) d'une?|
                    atteinte? d'une?) (?:\w+ ){0,3}$
person              (?:un|une) (?:patient|patiente|femme|homme|dame|monsieur|enfant|bebe|nourrisson|
                    adolescent|adolescente|garcon|fille|eleve) (?:de \d+ (?:ans|mois)|enceinte|qui|
                    sous|traitee?|ayant|age)
prospective         projet de grossesse|desir de grossesse|(?:envisage|prevoit|souhaite|desire|
                    voudrait)\w* (?:une |de )?(?:grossesse|tomber enceinte|etre enceinte|allaiter|
                    concevoir)
topic_words         insuffisan\w+ (?:renale|hepatique|cardiaque)|allerg\w+|kaliemie|natremie|
                    oubli\w*(?: de (?:dose|prise))?|effets? (?:indesirables?|secondaires?)|
                    tolerance|securite|efficacite|posologie|interactions?
topic_head          ^\W*(?:appel|courriel|e-?mail|courrier|fax|demande|question|objet|sujet|motif|
                    theme|suivi)\b
condition           (?:antecedents? (?:de|d')|atcd (?:de )?|ayant (?:des antecedents|
                    un antecedent) (?:de|d'))(?:\w+,? ){0,4}$|(?:indique|autorise|utilise|
                    prescrit)e? (?:dans|pour) (?:le traitement|la prise en charge|
                    la prevention) (?:de|du|des|d') (?:\w+ ){0,4}$
statistic           (?:tres )?(?:frequent|peu frequent|rare|tres rare)s?|(?:>|<|≥|≤)\s*1\s*/\s*\d+|
                    critere\w* d'(?:inclusion|exclusion)|randomise\w*|inclus dans l'etude
exclusion           allergi\w+ connue\w*
exclusion           (?:@CONTAINER@ (?:\S+ ){0,3})?(?:peu\w*|peut-on|faut-il|doit-on|
                    possible d')(?:-\w+)? (?:\w+ ){0,4}(?:etre )?(?:ouvert\w*|ecras\w*|coupe\w*|
                    croque\w*|dissou\w*|melange\w*)
exclusion           (?:clairance|clcr|dfg) (?:\w+ ){0,2}(?:<|>|inferieure?|superieure?|de|a|
                    entre)\s*\d+(?: ?ml/min)?
"""
