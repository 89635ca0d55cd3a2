"""What healthcare professionals ask about the five demo products, in English and French.

Answers summarise the fictional knowledge-base articles under knowledge_base/ and name the
document sent, the way an agent writes them in the case log.
"""

from __future__ import annotations

from dataclasses import dataclass

# brand, INN, therapeutic area, aliases (exactly as the catalogue should hold them)
DEMO_PRODUCTS = (
    ("Cardiolex", "tervasartan", "Cardiology", ["CLX"]),
    ("Veranel", "velparixaban", "Haematology", ["VPX"]),
    ("Neurovan", "zelmitrigine", "Neurology", ["NRV", "zelmitrigine PR"]),
    ("Insuvia", "glupeglatide", "Endocrinology", ["GPG pen"]),
    ("Dermavel", "lotiprednol", "Dermatology", ["LTP cream"]),
)


@dataclass(frozen=True)
class Topic:
    """One kind of question about one product (product None: any product)."""

    product: str | None
    category: str
    label: tuple[str, str]  # short English / French label for call notes
    en: tuple[str, ...]
    fr: tuple[str, ...]
    answer: tuple[str, str]  # English / French answer


def topic(product: str | None, category: str, label: tuple[str, str], en: list[str],
          fr: list[str], answer: tuple[str, str]) -> Topic:
    """Build a Topic from a table row."""
    return Topic(product, category, label, tuple(en), tuple(fr), answer)


T = topic  # the tables below read better with a short name


MED = "medical_info"
TOPICS: tuple[Topic, ...] = (
    # --- Cardiolex ---------------------------------------------------------------------------
    T("Cardiolex", MED, ("renal dosing", "insuffisance rénale"),
      ["Does Cardiolex need a dose adjustment for a patient with a creatinine clearance of "
       "{crcl} mL/min?", "Patient on haemodialysis: can tervasartan be started, and at what dose?"],
      ["Faut-il adapter la dose de Cardiolex chez un patient avec une clairance à {crcl} mL/min ?",
       "Patient hémodialysé : peut-on instaurer le tervasartan, et à quelle dose ?"],
      ("No adjustment if CrCl ≥ 30 mL/min; in severe renal impairment start 5 mg once daily, "
       "max 10 mg. Not removed by haemodialysis. SRD-CLX-RENHEP-EN sent by e-mail.",
       "Pas d'adaptation si ClCr ≥ 30 mL/min ; insuffisance rénale sévère : débuter à 5 mg/j, "
       "sans dépasser 10 mg/j. Non dialysable. Envoi de la SRD-CLX-IR-FR par e-mail.")),
    T("Cardiolex", MED, ("interactions / potassium", "interactions / kaliémie"),
      ["Can Cardiolex be combined with spironolactone in a heart-failure patient?",
       "Is there an interaction between tervasartan and lithium?"],
      ["Peut-on associer Cardiolex et spironolactone chez un insuffisant cardiaque ?",
       "Y a-t-il une interaction entre le tervasartan et le lithium ?"],
      ("Main risk is hyperkalaemia with potassium-sparing agents; MRA possible with potassium "
       "and renal monitoring; lithium, NSAIDs and dual RAS blockade need attention. "
       "SRD-CLX-INTER-EN sent.",
       "Risque principal d'hyperkaliémie ; ARM possible sous surveillance de la kaliémie et de la "
       "fonction rénale ; vigilance avec lithium, AINS et double blocage du SRA. "
       "SRD-CLX-INTER-FR envoyée.")),
    T("Cardiolex", MED, ("pregnancy", "grossesse"),
      ["A patient on Cardiolex is planning a pregnancy. What should she do?",
       "Can Cardiolex be used while breastfeeding?"],
      ["Une patiente sous Cardiolex envisage une grossesse : que faire ?",
       "Le Cardiolex est-il compatible avec l'allaitement ?"],
      ("Not recommended in the 1st trimester, contraindicated in the 2nd and 3rd; switch to an "
       "antihypertensive with an established pregnancy profile before conception. Breastfeeding "
       "not recommended (no data). SRD-CLX-PREG-EN sent.",
       "Déconseillé au 1er trimestre, contre-indiqué aux 2e et 3e ; relais avant la conception par "
       "un antihypertenseur au profil établi. Allaitement déconseillé. SRD-CLX-PREG-FR envoyée.")),
    T("Cardiolex", MED, ("excipients", "excipients"),
      ["Do Cardiolex tablets contain lactose or gluten? The patient has coeliac disease."],
      ["Les comprimés de Cardiolex contiennent-ils du lactose ou du gluten ? Patient coeliaque."],
      ("Contains lactose monohydrate, no gluten or wheat starch; suitable in coeliac disease. "
       "FAQ-CLX-EXCIP-EN read out.",
       "Contient du lactose monohydraté, sans gluten : utilisable chez le coeliaque. "
       "Lecture de la FAQ-CLX-EXCIP-FR.")),
    T("Cardiolex", MED, ("storage", "conservation"),
      ["Can Cardiolex tablets be put in a weekly pill organiser?",
       "A patient left his Cardiolex in a hot car for a day. Are the tablets still usable?"],
      ["Peut-on déconditionner Cardiolex dans un pilulier hebdomadaire ?",
       "Un patient a laissé son Cardiolex une journée dans une voiture au soleil : utilisable ?"],
      ("Store below 25 °C in the blister; excursions up to 40 °C for ≤ 72 h do not affect quality; "
       "dose administration aids for up to 14 days. SRD-CLX-STOR-EN sent.",
       "Conserver sous 25 °C dans le blister ; excursion jusqu'à 40 °C ≤ 72 h sans impact ; "
       "pilulier possible 14 jours maximum.")),
    T("Cardiolex", MED, ("switching / crushing", "relais / écrasement"),
      ["How do I switch a patient from ramipril to Cardiolex? Is a washout needed?",
       "Can Cardiolex tablets be crushed for a patient with swallowing difficulties?"],
      ["Comment passer un patient du ramipril au Cardiolex ? Faut-il une fenêtre thérapeutique ?",
       "Peut-on écraser les comprimés de Cardiolex pour un patient ayant des troubles de la "
       "déglutition ?"],
      ("Start tervasartan the day after the last ACE-inhibitor dose, no washout, never combine; "
       "5 mg start may be considered from 75 years. Tablets may be crushed and dispersed in "
       "water.",
       "Débuter le tervasartan le lendemain de la dernière prise d'IEC, sans fenêtre, sans "
       "association ; 5 mg/j possible dès 75 ans. Comprimés écrasables. "
       "SRD-CLX-RELAIS-FR envoyée.")),
    # --- Veranel -----------------------------------------------------------------------------
    T("Veranel", MED, ("renal dosing", "insuffisance rénale"),
      ["What dose of Veranel for atrial fibrillation with a creatinine clearance of {crcl} mL/min?",
       "Can velparixaban be used in a patient on dialysis?"],
      ["Quelle dose de Veranel dans une FA avec une clairance à {crcl} mL/min ?",
       "Le velparixaban peut-il être utilisé chez un patient dialysé ?"],
      ("No adjustment if CrCl ≥ 30; 15–29 mL/min: 2.5 mg twice daily in AF, with caution; not "
       "recommended < 15 mL/min or on dialysis (Cockcroft-Gault). SRD-VRN-RENAL-EN sent.",
       "Pas d'adaptation si ClCr ≥ 30 ; 15–29 mL/min : 2,5 mg x 2/j dans la FA, avec prudence ; "
       "non recommandé < 15 mL/min et chez le dialysé. SRD-VRN-IR-FR envoyée.")),
    T("Veranel", MED, ("crushing / NG tube", "écrasement / sonde"),
      ["Can Veranel be crushed and given through a nasogastric tube?",
       "Patient with a gastrostomy: how should velparixaban be administered?"],
      ["Peut-on écraser le Veranel et l'administrer par sonde nasogastrique ?",
       "Patient porteur d'une gastrostomie : comment administrer le velparixaban ?"],
      ("Yes: crush and suspend in water, 5 % glucose or apple juice, give immediately via NG or "
       "gastrostomy tube; 1 mg/mL oral solution as alternative; not via jejunal tube. "
       "SRD-VRN-NGT-EN sent.",
       "Oui : écraser et mettre en suspension (eau, glucose 5 %, jus de pomme), administrer "
       "immédiatement par SNG ou gastrostomie ; solution buvable 1 mg/mL possible ; pas de sonde "
       "jéjunale. SRD-VRN-SNG-FR envoyée.")),
    T("Veranel", MED, ("switching from VKA", "relais AVK"),
      ["How do I switch a patient from warfarin to Veranel? At what INR?",
       "Switching from enoxaparin to Veranel after discharge: when is the first dose?"],
      ["Comment passer de la fluindione au Veranel ? À quel INR ?",
       "Relais énoxaparine vers Veranel à la sortie : quand donner la première prise ?"],
      ("From VKA: stop VKA, start when INR < 2.0. From a parenteral anticoagulant or DOAC: start "
       "when the next dose would have been due. SRD-VRN-SWITCH-EN sent.",
       "AVK : arrêter et débuter dès INR < 2,0. Héparine ou autre AOD : débuter à l'heure de la "
       "dose suivante prévue. SRD-VRN-RELAIS-FR envoyée.")),
    T("Veranel", MED, ("interactions", "interactions"),
      ["Is Veranel safe with clarithromycin or fluconazole?",
       "Patient on carbamazepine: can velparixaban be prescribed?"],
      ["Veranel et clarithromycine ou fluconazole : association possible ?",
       "Patient sous carbamazépine : peut-on prescrire le velparixaban ?"],
      ("CYP3A4/P-gp substrate: strong dual inhibitors (azoles, boosted PIs) not recommended; "
       "strong inducers (rifampicin, carbamazepine, St John's wort) to be avoided; moderate "
       "inhibitors with caution. SRD-VRN-INTER-EN sent.",
       "Substrat CYP3A4/P-gp : inhibiteurs puissants non recommandés ; inducteurs puissants "
       "(rifampicine, carbamazépine, millepertuis) à éviter. SRD-VRN-INTER-FR envoyée.")),
    T("Veranel", MED, ("missed dose", "oubli de dose"),
      ["Patient forgot the morning dose of Veranel and noticed at 4 pm. What should he do?"],
      ["Un patient a oublié sa prise de Veranel du matin et s'en aperçoit à 16 h : que faire ?"],
      ("Take it as soon as remembered on the same day, then usual twice-daily schedule; skip if "
       "< 6 h before next dose; never double. FAQ-VRN-MISSED-EN.",
       "Prendre dès que possible le jour même puis reprendre le schéma ; ne pas prendre si la "
       "prise suivante est dans moins de 6 h ; ne jamais doubler. FAQ-VRN-OUBLI-FR.")),
    # --- Neurovan ----------------------------------------------------------------------------
    T("Neurovan", MED, ("crushing PR tablets", "écrasement LP"),
      ["Can Neurovan PR tablets be crushed or split for a patient with dysphagia?"],
      ["Peut-on écraser ou couper les comprimés LP de Neurovan chez un patient dysphagique ?"],
      ("No: swallow whole; crushing destroys the prolonged-release matrix (dose dumping). Consider "
       "immediate-release dispersible zelmitrigine twice daily. FAQ-NRV-CRUSH-EN sent.",
       "Non : avaler entiers ; l'écrasement libère toute la dose. Envisager la forme LI "
       "dispersible en deux prises. FAQ-NRV-ECRAS-FR envoyée.")),
    T("Neurovan", MED, ("pregnancy / registry", "grossesse / registre"),
      ["A woman with epilepsy on Neurovan wants to become pregnant. What do the registry data "
       "show?",
       "Is zelmitrigine excreted in breast milk?"],
      ["Une patiente épileptique sous Neurovan a un projet de grossesse : que montre le "
       "registre ?",
       "La zelmitrigine passe-t-elle dans le lait maternel ?"],
      ("Registry data show no clear increase in major malformations but numbers are small; do not "
       "stop abruptly, lowest effective dose, monitor levels. Moderate transfer into milk; "
       "breastfeeding after individual assessment. SRD-NRV-PREG-EN sent.",
       "Pas d'augmentation nette des malformations dans le registre, effectifs limités ; ne pas "
       "arrêter brutalement. Passage modéré dans le lait. SRD-NRV-GROSS-FR envoyée.")),
    T("Neurovan", MED, ("switching IR to PR", "relais LI vers LP"),
      ["How do I convert 100 mg twice daily of immediate-release zelmitrigine to Neurovan PR?"],
      ["Comment passer de 100 mg x 2/j de zelmitrigine LI à Neurovan LP ?"],
      ("Same total daily dose once daily (200 mg PR), starting the morning after the last evening "
       "IR dose; mind inducers and valproate. SRD-NRV-SWITCH-EN sent.",
       "Même dose quotidienne totale en une prise (200 mg LP), le lendemain matin de la dernière "
       "prise LI du soir. SRD-NRV-RELAIS-FR envoyée.")),
    T("Neurovan", MED, ("hepatic impairment", "insuffisance hépatique"),
      ["What titration should be used for Neurovan in Child-Pugh B cirrhosis?"],
      ["Quelle titration pour Neurovan chez un cirrhotique Child-Pugh B ?"],
      ("Child-Pugh B: start 25 mg once daily, 4-week steps, max 150 mg/day; not recommended in "
       "Child-Pugh C. SRD-NRV-HEP-EN sent.",
       "Child-Pugh B : débuter à 25 mg/j, paliers de 4 semaines, maximum 150 mg/j ; non "
       "recommandé en Child-Pugh C. SRD-NRV-IH-FR envoyée.")),
    T("Neurovan", MED, ("missed dose", "oubli de dose"),
      ["Patient missed yesterday's Neurovan dose entirely. Should he take two today?"],
      ["Un patient a oublié sa prise de Neurovan hier : doit-il en prendre deux aujourd'hui ?"],
      ("Within 12 h: take it; later: skip; never double. Interruption > 5 days: contact prescriber "
       "(re-titration). FAQ-NRV-MISSED-EN.",
       "Moins de 12 h : prendre ; au-delà : ne pas rattraper ; jamais de double dose. "
       "Interruption > 5 jours : re-titration.")),
    # --- Insuvia -----------------------------------------------------------------------------
    T("Insuvia", MED, ("pen storage", "conservation du stylo"),
      ["An Insuvia pen was left out of the fridge overnight. Can it still be used?",
       "Patient travelling for two weeks: how should the Insuvia pen be stored?"],
      ["Un stylo Insuvia est resté hors du réfrigérateur toute la nuit : est-il utilisable ?",
       "Patient en voyage deux semaines : comment conserver le stylo Insuvia ?"],
      ("Unused pens 2–8 °C, never frozen; in use up to 28 days below 30 °C with cap on; a pen "
       "that has been frozen must be discarded. SRD-INS-STOR-EN sent.",
       "Avant usage 2–8 °C, jamais congelé ; en cours d'utilisation 28 jours sous 30 °C ; "
       "un stylo hors froid < 30 °C reste utilisable, la période de 28 jours démarre. "
       "SRD-INS-CONS-FR envoyée.")),
    T("Insuvia", MED, ("missed dose", "oubli de dose"),
      ["Patient missed the weekly Insuvia injection {days} days ago. Inject now or skip?",
       "Can the day of the weekly Insuvia injection be changed?"],
      ["Injection hebdomadaire d'Insuvia oubliée il y a {days} jours : injecter ou sauter ?",
       "Peut-on changer le jour de l'injection hebdomadaire d'Insuvia ?"],
      ("Inject within 5 days of the missed dose, then usual day; after 5 days skip it. Day can be "
       "changed with ≥ 72 h between doses. FAQ-INS-MISSED-EN.",
       "Injecter dans les 5 jours puis reprendre le jour habituel ; au-delà, ne pas rattraper. "
       "Changement de jour possible avec ≥ 72 h d'intervalle. FAQ-INS-OUBLI-FR.")),
    T("Insuvia", MED, ("pen technique", "technique d'injection"),
      ["Does the Insuvia pen need priming before every injection?"],
      ["Faut-il purger le stylo Insuvia avant chaque injection ?"],
      ("Flow check only with each new pen; press until counter shows 0 and hold 6 seconds; new "
       "needle each time. FAQ-INS-PEN-EN.",
       "Purge uniquement avant la première injection de chaque stylo ; maintenir 6 secondes après "
       "le retour à 0 ; aiguille neuve à chaque injection. FAQ-INS-STYLO-FR.")),
    T("Insuvia", MED, ("pregnancy", "grossesse"),
      ["How long before a planned pregnancy should glupeglatide be stopped?"],
      ["Combien de temps avant une grossesse programmée faut-il arrêter le glupeglatide ?"],
      ("Not to be used in pregnancy; stop at least 2 months before a planned pregnancy (long "
       "half-life); insulin usually used instead. SMPC-INS-46-EN sent.",
       "Ne pas utiliser pendant la grossesse ; arrêter au moins 2 mois avant ; relais "
       "généralement par insuline. SRD-INS-GROSS-FR envoyée.")),
    T("Insuvia", MED, ("GI tolerance", "tolérance digestive"),
      ["What advice can be given to limit nausea when starting Insuvia?"],
      ["Quels conseils pour limiter les nausées à l'instauration d'Insuvia ?"],
      ("Nausea in 17–21 %, mostly first 4–8 weeks; start 0.5 mg, smaller meals, hydration; "
       "persistent severe abdominal pain needs assessment. SRD-INS-GI-EN sent.",
       "Nausées chez 17 à 21 %, surtout les 4 à 8 premières semaines ; débuter à 0,5 mg, repas "
       "fractionnés, hydratation. SRD-INS-GI-FR envoyée.")),
    # --- Dermavel ----------------------------------------------------------------------------
    T("Dermavel", MED, ("excipients / allergy", "excipients / allergie"),
      ["Does Dermavel cream contain cetostearyl alcohol or parabens? The patient had a positive "
       "patch test."],
      ["La crème Dermavel contient-elle de l'alcool cétostéarylique ou des parabènes ?"],
      ("Contains cetostearyl alcohol 72 mg/g and propylene glycol 50 mg/g; no lanolin, parabens, "
       "fragrance or peanut oil. FAQ-DMV-EXCIP-EN sent.",
       "Contient de l'alcool cétostéarylique (72 mg/g) et du propylèneglycol (50 mg/g) ; ni "
       "lanoline, ni parabènes, ni parfum.")),
    T("Dermavel", MED, ("face / occlusion", "visage / occlusion"),
      ["Can Dermavel be applied to the face, and for how long?"],
      ["Peut-on appliquer Dermavel sur le visage, et combien de temps ?"],
      ("Face for short periods only (max 5 consecutive days), avoid eyelids; no occlusion; wet "
       "wraps only under specialist supervision. SRD-DMV-FACE-EN sent.",
       "Visage : cures courtes (5 jours consécutifs maximum), éviter les paupières ; pas "
       "d'occlusion.")),
    T("Dermavel", MED, ("paediatric use", "usage pédiatrique"),
      ["Can Dermavel be used in a {child_age}-year-old child with eczema? How much cream?"],
      ["Peut-on utiliser Dermavel chez un enfant de {child_age} ans atteint d'eczéma ? Quelle "
       "quantité ?"],
      ("From 2 years: thin layer once daily, max 2 weeks continuous, fingertip units as guide; "
       "not recommended below 2 years; avoid nappy occlusion. SRD-DMV-PAED-EN sent.",
       "À partir de 2 ans : couche mince une fois par jour, 2 semaines maximum, unité "
       "phalangette ; "
       "déconseillé avant 2 ans.")),
    T("Dermavel", MED, ("storage", "conservation"),
      ["How long can a Dermavel tube be used once opened?"],
      ["Combien de temps un tube de Dermavel se conserve-t-il après ouverture ?"],
      ("Per SmPC section 6.4: below 25 °C, do not freeze; use within 3 months of opening. "
       "SMPC-DMV-STOR-EN read out.",
       "RCP rubrique 6.4 : conserver sous 25 °C, ne pas congeler ; 3 mois après ouverture.")),
)

_OFF_LABEL_ANSWER = (
    "Unsolicited off-label request: {brand} is not authorised for this use. Provided the "
    "published data available on request, without recommendation; decision left to the "
    "prescriber's clinical judgement.",
    "Demande spontanée hors AMM : {brand} n'est pas autorisé dans cette indication. "
    "Transmission des données publiées disponibles, sans recommandation d'utilisation.")
OFF_LABEL: tuple[Topic, ...] = tuple(
    T(product, "off_label", ("off-label use", "hors AMM"), [q_en], [q_fr], _OFF_LABEL_ANSWER)
    for product, q_en, q_fr in (
        ("Cardiolex", "Are there any data on Cardiolex in hypertensive children under 6?",
         "Existe-t-il des données sur Cardiolex chez l'enfant hypertendu de moins de 6 ans ?"),
        ("Veranel", "Has Veranel been studied in patients with mechanical heart valves?",
         "Le Veranel a-t-il été étudié chez les porteurs de valve cardiaque mécanique ?"),
        ("Neurovan", "Is there any evidence for Neurovan in migraine prophylaxis?",
         "Existe-t-il des données sur Neurovan en prophylaxie de la migraine ?"),
        ("Insuvia", "Can Insuvia be used for weight loss in a patient without diabetes?",
         "Insuvia peut-il être utilisé pour la perte de poids chez un patient non diabétique ?"),
        ("Dermavel", "Any data on Dermavel on the eyelids for eyelid dermatitis?",
         "Des données sur Dermavel appliqué sur les paupières (eczéma palpébral) ?"),
    )
)

_AE = (("adverse event", "effet indésirable"), (
    "Adverse event details taken (reporter, patient, suspect product, event, dates) and "
    "transferred to pharmacovigilance on day 0; reporter agreed to follow-up.",
    "Recueil de l'effet indésirable (notificateur, patient, produit suspect, événement, dates) et "
    "transmission à la pharmacovigilance à J0 ; accord pour un suivi."))
_PQC = (("product complaint", "réclamation qualité"), (
    "Complaint recorded with batch number; caller asked to keep the sample; return kit sent and "
    "case forwarded to quality assurance.",
    "Réclamation enregistrée avec le numéro de lot ; conserver l'échantillon ; kit de retour "
    "envoyé, transmission à l'assurance qualité."))


def _safety(product: str, category: str, q_en: str, q_fr: str) -> Topic:
    label, answer = _AE if category == "adverse_event" else _PQC
    return T(product, category, label, [q_en], [q_fr], answer)


SAFETY: tuple[Topic, ...] = tuple(
    _safety(*row) for row in (
        ("Cardiolex", "adverse_event",
         "A {age}-year-old patient developed facial swelling {days} days after starting Cardiolex.",
         "Un patient de {age} ans a présenté un œdème du visage {days} jours après le début de "
         "Cardiolex."),
        ("Veranel", "adverse_event",
         "A {age}-year-old patient on Veranel had a nosebleed lasting over an hour yesterday.",
         "Un patient de {age} ans sous Veranel a eu hier une épistaxis de plus d'une heure."),
        ("Neurovan", "adverse_event",
         "Patient reports a widespread rash {days} days after the Neurovan dose was increased.",
         "Éruption cutanée étendue {days} jours après l'augmentation de dose de Neurovan."),
        ("Insuvia", "adverse_event",
         "Patient on Insuvia has had persistent vomiting for {days} days.",
         "Patient sous Insuvia présentant des vomissements persistants depuis {days} jours."),
        ("Cardiolex", "product_complaint",
         "Tablets in one Cardiolex blister look discoloured (batch {lot}).",
         "Comprimés décolorés dans une plaquette de Cardiolex (lot {lot})."),
        ("Insuvia", "product_complaint",
         "The Insuvia pen dose button is stuck and no dose could be injected (batch {lot}).",
         "Le bouton du stylo Insuvia est bloqué, aucune dose injectée (lot {lot})."),
        ("Dermavel", "product_complaint",
         "A new Dermavel tube is leaking at the crimp (batch {lot}).",
         "Un tube neuf de Dermavel fuit au niveau du sertissage (lot {lot})."),
    )
)

OTHER: tuple[Topic, ...] = (
    T(None, "other", ("document request", "demande de documents"),
      ["Could you send me the current {brand} SmPC and patient leaflet?"],
      ["Pouvez-vous m'envoyer le RCP et la notice à jour de {brand} ?"],
      ("Current SmPC and PIL sent by e-mail.", "RCP et notice à jour envoyés par e-mail.")),
    T(None, "other", ("availability", "disponibilité"),
      ["The wholesaler says {brand} is out of stock. When will it be available again?"],
      ["Le grossiste indique une rupture de {brand} : quand sera-t-il de nouveau disponible ?"],
      ("No shortage on record; caller directed to customer service for the order.",
       "Pas de rupture déclarée ; orientation vers le service clients pour la commande.")),
)
