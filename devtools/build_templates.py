"""Build templates/ledningssystem.docx: the Word template a draft ledningssystem is generated from (docxtpl).

Usage: .venv/bin/python -m devtools.build_templates
The template is committed; a municipality restyles it in Word (fonts, colours, logo) or rewords it without
touching code. What the draft says stands in SOURCE below, in a small line format:

    = text          Title                  == text       Subtitle
    # text          Heading 1 (numbered)   #- text       Heading 1 without a number (an appendix)
    ## / ### text   Heading 2 / Heading 3  - text        List Bullet
    ¦ a ¦ b ¦ c     a table row; the first row of a table is its header, repeated on every page; a header
                    cell may end in a width in millimetres: "Steg [15]"
    {%p … %}        a docxtpl paragraph tag, alone in its paragraph (loops and conditions over paragraphs)
    [innehåll]      the table of contents: a TOC field Word fills when the document is opened
    [sidbrytning]   a page break
    text            a Normal paragraph; **text** is bold
    (indented)      a line indented by two spaces continues the line before

Headings are numbered by Word: Heading 1–3 are linked to one multilevel list (1, 1.1, 1.1.1), so numbers follow
the headings a loop repeats, and level 3 starts again under every new level 2.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

TARGET = Path(__file__).resolve().parents[1] / "templates" / "ledningssystem.docx"

HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")
TOC_FIELD = 'TOC \\o "1-3" \\h \\z \\u'
TOC_PLACEHOLDER = "Högerklicka och välj Uppdatera fält för att visa innehållsförteckningen."

SOURCE = r"""
{%p set risk = årshjulet('risk') %}
{%p set analys = årshjulet('sammanställ') %}
{%p set revidering = årshjulet('revider') %}
{%p set uppföljning = årshjulet('egenkontroll') %}
{%p set kvalitetsberättelse = årshjulet('kvalitetsberättelse') %}
{%p set patientsäkerhetsberättelse = årshjulet('patientsäkerhetsberättelse') %}
{%p set de = ('brukarna och patienterna' if d.vård else 'brukarna') if d.socialtjänst_lss else 'patienterna' %}
{%p set den = ('brukare eller patient' if d.vård else 'brukare') if d.socialtjänst_lss else 'patient' %}
{%p set stöd = 'kvalitetsutvecklare' if 'kvalitetsutvecklare' in d.roller else ('verksamhetsutvecklare' if 'verksamhetsutvecklare' in d.roller else 'förvaltningschef') %}
== {{ d.kommun }}
== {{ d.nämnd }}
= Ledningssystem för systematiskt kvalitetsarbete
{{ d.förvaltning }}
Gäller för {{ d.omfattning|map('replace', 'lss', 'verksamhet enligt LSS')|uppräkning }}
Version {{ d.version }}, {{ d.datum }}
[sidbrytning]
[innehåll]
[sidbrytning]

# Ledningssystemets uppbyggnad och ansvar
Ledningssystemet visar hur {{ d.förvaltning|gemen }} i {{ d.kommun }} planerar, leder, följer upp och förbättrar
  verksamheten: vem som ansvarar för vad, hur ofta arbetet görs och i vilka forum det följs upp.
## Omfattning
{{ d.nämnd }} är huvudman för verksamheten och har det yttersta ansvaret för att ledningssystemet finns och
  används för att utveckla och säkra kvaliteten. Ledningssystemet gäller för all verksamhet som
  {{ d.förvaltning|gemen }} bedriver åt nämnden inom {{ d.omfattning|map('replace', 'lss', 'verksamhet enligt LSS')|uppräkning }}.
¦ Verksamhet ¦ Lagstiftning ¦ Ansvarig chef
¦ {%tr for v in d.verksamheter %}
¦ {{ v.namn }} ¦ {{ 'SoL' if v.omfattning == 'socialtjänst' else ('LSS' if v.omfattning == 'lss' else 'HSL') }} ¦ {{ roll(v.ansvarig) }}
¦ {%tr endfor %}
## Lagar och styrdokument
Ledningssystemet är uppbyggt utifrån de lagar och föreskrifter som gäller för verksamheten, utifrån
  kommunfullmäktiges och nämndens mål och utifrån förvaltningens egna riktlinjer och rutiner. Det är anpassat till
  förvaltningens verksamheter och till hur de är organiserade. Ledningssystemet bygger främst på
- {%p if 'socialtjänst' in d.omfattning %}
- socialtjänstlagen (2025:400), SoL,
- {%p endif %}
- {%p if d.lss %}
- lagen (1993:387) om stöd och service till vissa funktionshindrade, LSS,
- {%p endif %}
- {%p if d.vård %}
- hälso- och sjukvårdslagen (2017:30), HSL, och patientsäkerhetslagen (2010:659), PSL,
- {%p endif %}
- Socialstyrelsens föreskrifter och allmänna råd om ledningssystem för systematiskt kvalitetsarbete, SOSFS 2011:9,
- {%p if d.socialtjänst_lss %}
- Socialstyrelsens föreskrifter och allmänna råd om lex Sarah, SOSFS 2011:5,
- {%p endif %}
- {%p if d.vård %}
- Socialstyrelsens föreskrifter och allmänna råd om vårdgivares systematiska patientsäkerhetsarbete, HSLF-FS 2017:40,
- {%p endif %}
- kommunallagen (2017:725), förvaltningslagen (2017:900) och offentlighets- och sekretesslagen (2009:400).
## Styrning och uppföljning
Kvalitetsarbetet följer samma cykel varje år. {{ d.nämnd }} beslutar om mål och budget, och förvaltningen
  planerar verksamheten utifrån dem i en verksamhetsplan. Enheterna genomför arbetet enligt processerna och
  rutinerna. Resultaten följs upp i egenkontrollerna och i sammanställningen och analysen av det som har rapporterats,
  och förvaltningen redovisar uppföljningen för nämnden i delårsrapporten och årsredovisningen. Det uppföljningen
  visar används för att förbättra verksamheten och för att planera nästa år. Årshjulet sist i dokumentet visar när
  varje del görs och vem som ansvarar för den.
Kvalitetsarbetet leds och följs upp i dessa forum:
{%p for f in d.forum %}
- **{{ f.namn }}:** {{ f.deltagare }} träffas {{ f.frekvens }} och {{ f.syfte }}.
{%p endfor %}
## Ansvarsfördelning
Ansvaret för kvalitetsarbetet följer förvaltningens linjeorganisation och nämndens delegationsordning. Varje
  chef ansvarar för kvaliteten i den verksamhet hon eller han leder.
### {{ d.nämnd }}
{{ d.nämnd }} ansvarar för att:
- ledningssystemet finns, är anpassat till verksamheten och används i kvalitetsarbetet
- mål och budget för verksamheten fastställs varje år
- resultaten av kvalitetsarbetet följs upp i delårsrapporten och årsredovisningen
- {%p if d.socialtjänst_lss %}
- kvalitetsberättelsen fastställs varje år
- {%p endif %}
{%p for id, titel in d.roller.items() %}
### {{ titel }}
{{ titel }} ansvarar för att:
- {%p if id == 'förvaltningschef' %}
- det systematiska kvalitetsarbetet leds och samordnas i hela förvaltningen
- ledningssystemet hålls aktuellt och ändras när verksamheten ändras
- nämnden får underlag för att följa upp kvaliteten i verksamheten
- {%p elif id == 'avdelningschef' %}
- kvalitetsarbetet inom avdelningen bedrivs enligt ledningssystemet
- enheternas resultat följs upp och leder till förbättringar
- {%p elif id == 'verksamhetschef' %}
- hälso- och sjukvården bedrivs så att kraven på en god och säker vård uppfylls
- det finns den ledning, de rutiner och den kompetens som hälso- och sjukvården behöver
- {%p elif id == 'enhetschef' %}
- enhetens verksamhet bedrivs enligt processerna och rutinerna
- medarbetarna känner till rutinerna och sin skyldighet att rapportera avvikelser
- avvikelser och klagomål som gäller enheten utreds och åtgärdas
- riskanalyser och egenkontroller görs på enheten
- {%p elif id == 'mas' %}
- det finns rutiner som gör att patienterna får en säker och ändamålsenlig hälso- och sjukvård
- rutinerna för läkemedelshantering, dokumentation och kontakt med läkare följs
- {%p elif id == 'mar' %}
- rehabiliteringen håller god kvalitet och är säker för patienterna
- rutinerna för rehabilitering, hjälpmedel och förflyttning finns och följs
- {%p elif id in ('kvalitetsutvecklare', 'verksamhetsutvecklare') %}
- cheferna och medarbetarna får stöd i metoderna för kvalitetsarbetet
- processerna och rutinerna i {{ d.system.rutiner }} hålls samlade och aktuella
- {%p else %}
- {{ d.system.avvikelser }} och {{ d.system.ärenden }} fungerar och användarna får stöd
- {%p endif %}
{%p set processer = d.processer|selectattr('ägare', 'equalto', id)|list %}
{%p set aktiviteter = d.årshjul|selectattr('ansvarig', 'equalto', id)|list %}
{%p set kontroller = d.egenkontroller|selectattr('ansvarig', 'equalto', id)|list %}
{%p set parter = d.samverkan.extern|selectattr('ansvarig', 'equalto', id)|list %}
{%p if processer or aktiviteter or kontroller or parter %}
{{ titel }} ansvarar också för:
{%p for p in processer %}
- processen {{ p.namn }}
{%p endfor %}
{%p for a in aktiviteter %}
- {{ a.aktivitet|gemen }}, {{ a.frekvens }}{{ ' i ' ~ a.månad if a.månad }}
{%p endfor %}
{%p for e in kontroller %}
- egenkontroll: {{ e.beskrivning if e.typ == 'övrig' else e.typ|replace('_', ' ') }}, {{ e.frekvens }}
{%p endfor %}
{%p for s in parter %}
- samverkan med {{ s.part }} enligt {{ s.form }}
{%p endfor %}
{%p endif %}
{%p endfor %}

# Processer och rutiner
{{ d.förvaltning }} har identifierat, beskrivit och fastställt de processer som behövs för att säkra
  kvaliteten. Ledningsprocesserna styr verksamheten, huvudprocesserna ger {{ de }}
  deras insatser och stödprocesserna gör det möjligt för de andra att fungera. Varje process har en processägare som
  ansvarar för att processen är beskriven och att den revideras
  {{ revidering.frekvens if revidering else 'en gång per år' }}.
¦ Process ¦ Slag ¦ Processägare
¦ {%tr for p in d.processer %}
¦ {{ p.namn }} ¦ {{ p.typ|versal }} ¦ {{ roll(p.ägare) }}
¦ {%tr endfor %}
Processbeskrivningarna finns i {{ d.system.rutiner }}. Här står för varje process vilka aktiviteter den har, i
  vilken ordning de utförs och vilka den behöver samverka med.
{%p for p in d.processer %}
## {{ p.namn }}
Processen är en {{ p.typ }} som {{ roll(p.ägare)|gemen }} äger.
### Aktiviteter i ordning
Processens aktiviteter följer på varandra i den här ordningen, från att {{ p.aktiviteter[0]|gemen }} till att
  {{ p.aktiviteter[-1]|gemen }}:
¦ Steg [15] ¦ Aktivitet [145]
¦ {%tr for a in p.aktiviteter %}
¦ {{ loop.index }} ¦ {{ a }}
¦ {%tr endfor %}
{%p if p.samverkan %}
### Samverkan i processen
Det här är en av de processer där samverkan behövs: med {{ p.samverkan|uppräkning }}. Processens rutiner
  beskriver hur samverkan går till och vem som tar kontakt.
{%p endif %}
{%p endfor %}
## Rutiner
Rutinerna för processernas aktiviteter finns samlade i {{ d.system.rutiner }}, där alla medarbetare kan läsa
  dem. Varje rutin beskriver tillvägagångssättet, alltså hur aktiviteten utförs steg för steg, och
  ansvarsfördelningen, alltså vem som gör vad.
Processägaren tar fram nya rutiner tillsammans med medarbetare som utför aktiviteten.
  {{ roll('förvaltningschef') }} fastställer de rutiner som gäller hela förvaltningen och
  {{ roll('enhetschef')|gemen }} de lokala rutinerna på enheten.
  {{ roll(revidering.ansvarig if revidering else 'förvaltningschef') }} ansvarar för att rutinerna revideras
  {{ revidering.frekvens if revidering else 'en gång per år' }}, och en rutin revideras också när en avvikelse,
  ett klagomål eller en riskanalys visar att den behöver ändras.

# Samverkan
## Processer där samverkan behövs
Förvaltningen har pekat ut de processer där samverkan behövs
  {{- ' för att brukarnas insatser ska bli säkra och av god kvalitet' if d.socialtjänst_lss }}
  {{- ' och' if d.socialtjänst_lss and d.vård }}{{ ' för att förebygga vårdskador hos patienterna' if d.vård }}. Processägaren ansvarar för att
  processens rutiner beskriver hur samverkan går till. Samverkan behövs i dessa processer:
{%p for p in d.processer if p.samverkan %}
- **{{ p.namn }}:** samverkan med {{ p.samverkan|uppräkning }}.
{%p endfor %}
## Samverkan inom förvaltningen
Samverkan inom förvaltningen, mellan enheter och mellan yrkesgrupper, sker i fasta forum och enligt
  processernas rutiner. Dessa forum finns för samverkan kring {{ de }}:
{%p for f in d.samverkan.intern %}
- **{{ f.namn }}:** {{ f.deltagare }} träffas {{ f.frekvens }} och {{ f.syfte }}.
{%p endfor %}
När en {{ den }} byter enhet eller utförare följer informationen med enligt rutinen
  för överlämning; {{ roll('enhetschef')|gemen }} på den lämnande enheten ansvarar för att överlämningen görs.
## Samverkan med andra huvudmän
Förvaltningen samverkar med andra huvudmän och organisationer kring {{ de }}
  enligt överenskommelser och gemensamma rutiner:
{%p for s in d.samverkan.extern %}
- **{{ s.part|versal }}:** samverkan sker enligt {{ s.form }}. {{ roll(s.ansvarig) }} ansvarar för samverkan och
  följer upp den tillsammans med {{ s.part }} {{ s.frekvens }}.
{%p endfor %}

# Riskanalys
{%p if risk %}
{{ risk.aktivitet|versal }} görs {{ risk.frekvens }}{{ ' i ' ~ risk.månad if risk.månad }}, och
  {{ roll(risk.ansvarig)|gemen }} ansvarar för att riskanalysen blir gjord.
{%p else %}
Varje enhet gör en riskanalys en gång per år, och {{ roll('enhetschef')|gemen }} ansvarar för att den blir gjord.
{%p endif %}
En riskanalys görs också inför varje större förändring, som en ny organisation, nya arbetssätt eller ny teknik,
  och när avvikelser eller klagomål visar att något kan gå fel på ett sätt som ingen har förutsett.
Riskanalysen görs av en arbetsgrupp med medarbetare från enheten. Gruppen identifierar vad som kan gå fel i
  verksamheten och bedömer för varje risk hur sannolikt det är att den inträffar och hur allvarliga konsekvenserna
  kan bli för {{ de }}. Sannolikhet och konsekvens förs in i en riskmatris, som
  ger varje risk ett riskvärde.
De risker som har högst riskvärde åtgärdas först. {{ roll('enhetschef') }} skriver in åtgärderna i en
  handlingsplan med ansvarig och datum och följer upp att de har gett effekt. Riskanalyserna och handlingsplanerna
  sparas i {{ d.system.rutiner }} och är en del av underlaget när nämnden beslutar om planen för intern kontroll.

# Egenkontroll
Med egenkontrollerna följer förvaltningen upp att verksamheten bedrivs enligt processerna och rutinerna och att
  den når de resultat som nämnden har beslutat om. Förvaltningen gör dessa egenkontroller:
{%p for e in d.egenkontroller %}
{%p if e.typ == 'kvalitetsregister' %}
- **Kvalitetsregister:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} analyserar
  resultaten från kvalitetsregistren och ser till att de används i förbättringsarbetet på enheterna.
{%p elif e.typ == 'öppna_jämförelser' %}
- **Öppna jämförelser:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} analyserar
  orsakerna där förvaltningens resultat är sämre än i jämförbara kommuner.
{%p elif e.typ == 'egna_resultat' %}
- **Egna resultat över tid:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} jämför
  resultaten med tidigare år, så att förändringar över tid syns.
{%p elif e.typ == 'brukarundersökning' %}
- **Brukarundersökningar:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} analyserar
  resultaten av brukarundersökningarna per enhet, och varje enhet går igenom sina resultat på en arbetsplatsträff.
{%p elif e.typ == 'journalgranskning' %}
- **Granskning av akter{{ ' och journaler' if d.vård }}:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }}
  gör granskningen i {{ d.system.ärenden }} och återkopplar det granskningen visar till medarbetarna.
{%p elif e.typ == 'personalens_förhållningssätt' %}
- **Personalens förhållningssätt och attityder:** {{ e.beskrivning|versal }} ({{ e.frekvens }}).
  {{ roll(e.ansvarig) }} går igenom resultaten av undersökningen med medarbetarna på arbetsplatsträffarna.
{%p elif e.typ == 'patientnämnden' %}
- **Patientnämnden:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} analyserar
  patientnämndens statistik och tar upp det som behöver åtgärdas.
{%p elif e.typ == 'revision' %}
- **Revisorer och intressenter:** {{ e.beskrivning|versal }} ({{ e.frekvens }}). {{ roll(e.ansvarig) }} tar in
  synpunkterna i analysen av verksamheten.
{%p else %}
- **{{ e.beskrivning|versal }}** ({{ e.frekvens }}). {{ roll(e.ansvarig) }} ansvarar för egenkontrollen.
{%p endif %}
{%p endfor %}
{%p if uppföljning %}
{{ uppföljning.aktivitet|versal }} görs {{ uppföljning.frekvens }}{{ ' i ' ~ uppföljning.månad if uppföljning.månad }},
  och {{ roll(uppföljning.ansvarig)|gemen }} ansvarar för den. Resultaten av egenkontrollerna redovisas för nämnden.
{%p else %}
{{ roll('förvaltningschef') }} följer upp egenkontrollerna två gånger per år och redovisar resultaten för
  nämnden.
{%p endif %}

# Klagomål och synpunkter
{{ ('Brukare, patienter' if d.vård else 'Brukare') if d.socialtjänst_lss else 'Patienter' }}, närstående och andra kan lämna klagomål och synpunkter på verksamheten
  muntligt till personalen, skriftligt på förvaltningens blankett eller i e-tjänsten på kommunens webbplats. Den som
  tar emot ett klagomål hjälper vid behov till att skriva ner det.
Klagomål och synpunkter registreras i {{ d.system.avvikelser }} samma dag som de tas emot.
  {{ roll('enhetschef') }} på den enhet som klagomålet gäller utreder klagomålet, återkopplar till den som har
  klagat inom två veckor och åtgärdar det som behöver rättas till.
{%p if d.vård %}
Klagomål och synpunkter på hälso- och sjukvården tas emot och registreras på samma sätt, och
  {{ roll('mas')|gemen }} utreder dem och svarar patienten eller den närstående som har klagat. Patienter och
  närstående får samtidigt veta att de också kan vända sig till patientnämnden.
{%p endif %}

# Rapporter och avvikelser
## Avvikelser
Alla medarbetare rapporterar avvikelser i {{ d.system.avvikelser }} så snart de har upptäckt dem, till exempel en
  insats som blev utförd på fel sätt eller vid fel tid.
{{ roll('enhetschef') }} tar emot avvikelsen, utreder den tillsammans med de medarbetare som berörs, beslutar om
  åtgärder och återkopplar till den som rapporterade. Allvarliga händelser utreds med en händelseanalys.
{%p if d.socialtjänst_lss %}
## Rapporter om missförhållanden (lex Sarah)
{{ roll('enhetschef') }} informerar nya medarbetare inom socialtjänsten{{ ' och verksamheten enligt LSS' if d.lss }}
  om skyldigheten att rapportera missförhållanden enligt lex Sarah vid introduktionen, och alla medarbetare får
  informationen igen varje år på en arbetsplatsträff.
Den som upptäcker ett missförhållande eller en påtaglig risk för ett missförhållande rapporterar det genast till
  närmaste chef, som registrerar rapporten i {{ d.system.avvikelser }} samma dag.
  {{ roll(d.rapportering.lex_sarah_utreds_av) }} utreder rapporten enligt förvaltningens rutin för lex Sarah,
  åtgärdar missförhållandet och återkopplar till den som rapporterade.
  {{ roll(d.rapportering.lex_sarah_anmäls_av) }} anmäler allvarliga missförhållanden och påtagliga risker för allvarliga missförhållanden till Inspektionen för
  vård och omsorg (IVO).
{%p endif %}
{%p if d.vård %}
## Rapporter om vårdskador (lex Maria)
All hälso- och sjukvårdspersonal rapporterar risker för vårdskador och händelser som har medfört eller hade kunnat
  medföra en vårdskada som en avvikelse i {{ d.system.avvikelser }}. {{ roll('mas') }} informerar ny
  hälso- och sjukvårdspersonal om rapporteringsskyldigheten vid introduktionen, och informationen upprepas varje år
  på arbetsplatsträffarna.
{{ roll(d.rapportering.lex_maria_utreds_av or 'mas') }} utreder händelserna, med en händelseanalys när det
  behövs{% if (d.rapportering.lex_maria_anmäls_av or 'mas') == (d.rapportering.lex_maria_utreds_av or 'mas') %}, och
  anmäler{% else %}. {{ roll(d.rapportering.lex_maria_anmäls_av) }} anmäler{% endif %} händelser som har medfört eller hade kunnat medföra en allvarlig vårdskada till IVO enligt lex Maria.
{%p endif %}

# Sammanställning och analys
{%p if analys %}
{{ analys.aktivitet|versal }} görs {{ analys.frekvens }}{{ ' i ' ~ analys.månad if analys.månad }}.
  {{ roll(analys.ansvarig) }} sammanställer då avvikelser, rapporter, klagomål och synpunkter från hela
  förvaltningen och analyserar dem för att hitta mönster, trender och orsaker som återkommer.
{%p else %}
{{ roll(stöd) }} sammanställer avvikelser, rapporter, klagomål och synpunkter från hela förvaltningen varje
  kvartal och analyserar dem för att hitta mönster, trender och orsaker som återkommer.
{%p endif %}
Analysen visar vad som har hänt, var och hur ofta, vilka orsaker som återkommer och om de åtgärder som redan är
  beslutade har gett effekt. Förvaltningens ledning går igenom analysen och beslutar om åtgärder, och varje enhet går
  igenom sin del på en arbetsplatsträff.{{ ' Sammanställningen och analysen ingår i kvalitetsberättelsen.' if d.socialtjänst_lss }}

# Förbättrande åtgärder
Det som riskanalyser, egenkontroller, utredningar och analyser visar leder till åtgärder. Den chef som ansvarar
  för verksamheten beslutar om åtgärderna, skriver in dem i en handlingsplan med ansvarig och datum och följer upp att
  de har gett effekt. Åtgärder som gäller flera enheter beslutar {{ roll('förvaltningschef')|gemen }} om.
När en åtgärd ändrar ett arbetssätt revideras processen eller rutinen, och den nya versionen läggs in i
  {{ d.system.rutiner }}. Förbättringsarbetet följer stegen planera, genomföra, studera och agera.

# Personalens medverkan
Alla medarbetare arbetar enligt ledningssystemets processer och rutiner. {{ roll('enhetschef') }} ansvarar för att
  nya medarbetare får ta del av rutinerna vid introduktionen och att rutinerna gås igenom på arbetsplatsträffarna när
  de är nya eller har ändrats.
Varje medarbetare medverkar i kvalitetsarbetet och har ett eget ansvar för kvaliteten i sitt arbete. Det gör
  medarbetarna genom att rapportera avvikelser, lämna förbättringsförslag, delta i riskanalyser och egenkontroller och
  ta upp det som behöver bli bättre på arbetsplatsträffarna. Medarbetarna är också med och tar fram och reviderar
  rutinerna.

# Dokumentation och kvalitetsberättelse
## Dokumentation av kvalitetsarbetet
Kvalitetsarbetet dokumenteras löpande. Processer, rutiner och riskanalyser finns i {{ d.system.rutiner }},
  avvikelser, rapporter och klagomål i {{ d.system.avvikelser }} och uppföljningar och beslut om åtgärder i
  protokollen från förvaltningens forum. {{ roll(stöd) }} ansvarar för dokumentstyrningen: att varje dokument har en
  ägare, ett datum då det fastställdes och ett datum för nästa revidering.
{%p if d.socialtjänst_lss %}
## Kvalitetsberättelse
{%p if kvalitetsberättelse %}
Kvalitetsberättelsen tas fram {{ kvalitetsberättelse.frekvens }}{{ ' i ' ~ kvalitetsberättelse.månad if kvalitetsberättelse.månad }},
  och {{ roll(kvalitetsberättelse.ansvarig)|gemen }} ansvarar för den. {{ d.nämnd }} fastställer kvalitetsberättelsen.
{%p else %}
Kvalitetsberättelsen tas fram en gång per år, och {{ roll('förvaltningschef')|gemen }} ansvarar för den.
  {{ d.nämnd }} fastställer kvalitetsberättelsen.
{%p endif %}
Kvalitetsberättelsen beskriver hur kvalitetsarbetet har bedrivits i varje verksamhetsområde: vilka riskanalyser
  och egenkontroller som har gjorts, vad sammanställningen av det som har rapporterats har visat, vilka åtgärder som
  har vidtagits och vilka resultat som har uppnåtts. Den publiceras på kommunens webbplats, så att brukare,
  närstående och andra intressenter kan ta del av den.
{%p endif %}
{%p if d.vård %}

# Patientsäkerhetsberättelse
{%p if patientsäkerhetsberättelse %}
{{ roll(patientsäkerhetsberättelse.ansvarig) }} upprättar {{ patientsäkerhetsberättelse.frekvens }} en
  patientsäkerhetsberättelse för förvaltningens hälso- och sjukvård.
{%p else %}
{{ roll('mas') }} upprättar senast 1 mars varje år en patientsäkerhetsberättelse för förvaltningens hälso- och
  sjukvård.
{%p endif %}
Patientsäkerhetsberättelsen beskriver hur ansvaret för patientsäkerhetsarbetet är fördelat, hur arbetet har
  bedrivits under året, vilka åtgärder som har vidtagits för att öka patientsäkerheten och vilka resultat som har
  uppnåtts. Patientsäkerhetsberättelsen redovisar arbetet för varje verksamhet där förvaltningen ger hälso- och
  sjukvård, och den publiceras på kommunens webbplats.
{%p endif %}

# Årshjul
Årshjulet visar när de återkommande delarna av kvalitetsarbetet görs och vem som ansvarar för dem.
¦ Aktivitet [70] ¦ Hur ofta [35] ¦ När [20] ¦ Ansvarig [35]
¦ {%tr for a in d.årshjul %}
¦ {{ a.aktivitet }} ¦ {{ a.frekvens|versal }} ¦ {{ a.månad|versal if a.månad }} ¦ {{ roll(a.ansvarig) }}
¦ {%tr endfor %}

#- Bilaga: Kravmatris
Tabellen visar i vilket kapitel varje krav i SOSFS 2011:9 som gäller för verksamheten är omhändertaget.
¦ Id [27] ¦ Krav [57] ¦ Lagrum [24] ¦ Typ [16] ¦ Kapitel [36]
¦ {%tr for k in kravmatris %}
¦ {{ k.id }} ¦ {{ k.title }} ¦ {{ k.citation }} ¦ {{ k.kind }} ¦ {{ k.chapter }}
¦ {%tr endfor %}
"""

FOOTER = ("{{ d.kommun }} · {{ d.nämnd }} · Ledningssystem för systematiskt kvalitetsarbete, version "
          "{{ d.version }} · sida ")


def build(target: Path = TARGET) -> Path:
    document = Document()
    _page_setup(document)
    _number_headings(document)
    properties = document.core_properties
    properties.title = "Ledningssystem för systematiskt kvalitetsarbete – {{ d.nämnd }}"
    properties.subject = "{{ d.förvaltning }}, {{ d.kommun }}"
    properties.author = properties.last_modified_by = "{{ d.förvaltning }}"
    properties.language = "sv-SE"
    properties.created = properties.modified = _BUILT
    properties.revision = 1
    for kind, content in _blocks(SOURCE):
        _add(document, kind, content)
    _footer(document)
    _update_fields_on_open(document)
    target.parent.mkdir(exist_ok=True)
    document.save(str(target))
    _freeze_entry_times(target)
    return target


_BUILT = datetime(2027, 1, 1, tzinfo=UTC)


def _freeze_entry_times(path: Path) -> None:
    """The package with fixed entry times: a rebuilt template is byte for byte the same, so git shows only real
    changes."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=_BUILT.timetuple()[:6]), data)


def _lines(source: str) -> Iterator[str]:
    """The source's lines, continuation lines (indented by two spaces) joined to the line before."""
    logical: list[str] = []
    for line in source.strip().splitlines():
        if line.startswith("  ") and logical:
            logical[-1] += " " + line.strip()
        elif line.strip():
            logical.append(line.rstrip())
    yield from logical


def _blocks(source: str) -> Iterator[tuple[str, object]]:
    """(kind, content) per block: a table is the list of its rows, each a list of cell texts."""
    table: list[list[str]] = []
    for line in _lines(source):
        if line.startswith("¦"):
            table.append([cell.strip() for cell in line[1:].split("¦")])
            continue
        if table:
            yield "table", table
            table = []
        yield _kind(line)
    if table:
        yield "table", table


_PREFIXES = (("#- ", "unnumbered"), ("### ", "Heading 3"), ("## ", "Heading 2"), ("# ", "Heading 1"),
             ("== ", "Subtitle"), ("= ", "Title"), ("- ", "List Bullet"))


def _kind(line: str) -> tuple[str, str]:
    if line in ("[innehåll]", "[sidbrytning]"):
        return line, ""
    for prefix, kind in _PREFIXES:
        if line.startswith(prefix):
            return kind, line[len(prefix):]
    return "Normal", line


def _add(document, kind: str, content: object) -> None:
    if kind == "table":
        assert isinstance(content, list)
        _table(document, content)
    elif kind == "[innehåll]":
        _table_of_contents(document)
    elif kind == "[sidbrytning]":
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif kind == "unnumbered":
        paragraph = document.add_paragraph(str(content), style="Heading 1")
        # Word's "Numbering: None" on the paragraph: the style's list does not count it.
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    else:
        text = str(content)
        if text.startswith("{%"):  # a docxtpl tag stands alone in a plain paragraph, whatever its marker
            kind = "Normal"
        _runs(document.add_paragraph(style=kind), text)


def _runs(paragraph, text: str) -> None:
    """The text as runs, **bold** spans bold."""
    for index, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1 or None


_WIDTH = re.compile(r"\s*\[(\d+)\]$")


def _table(document, rows: list[list[str]]) -> None:
    columns = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    for c, header in enumerate(rows[0]):
        if width := _WIDTH.search(header):
            table.autofit = False
            table.columns[c].width = Mm(int(width.group(1)))  # the grid, which LibreOffice reads
            for cell in table.columns[c].cells:
                cell.width = Mm(int(width.group(1)))  # each cell, which Word reads
            rows[0][c] = header[:width.start()]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            _runs(paragraph, f"**{text}**" if r == 0 and text else text)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.PORTRAIT, Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


def _number_headings(document) -> None:
    """Heading 1–3 linked to one multilevel list: 1, 1.1, 1.1.1. Level 3 starts again after every level 2 (a
    level restarts after any level above it unless lvlRestart says otherwise)."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))),
                          default=0)
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0)
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{document.styles[name].style_id}"/>'
        f'<w:suff w:val="space"/>'
        f'<w:lvlText w:val="{".".join(f"%{k + 1}" for k in range(level + 1))}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        for level, name in enumerate(HEADING_STYLES))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    for level, name in enumerate(HEADING_STYLES):
        properties = document.styles[name].element.get_or_add_pPr()
        properties.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                       f'<w:numId w:val="{num_id}"/></w:numPr>'))
    # The TOC heading is based on Heading 1 in Word's default styles: it must not take a number.
    toc_heading = document.styles["TOC Heading"].element.get_or_add_pPr()
    toc_heading.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))


def _table_of_contents(document) -> None:
    document.add_paragraph("Innehåll", style="TOC Heading")
    _field(document.add_paragraph(), TOC_FIELD, TOC_PLACEHOLDER)


def _footer(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run(FOOTER).font.size = Pt(8)
    _field(paragraph, "PAGE", "1", Pt(8))


def _field(paragraph, instruction: str, shown: str, size=None) -> None:
    """A complex field (begin, instruction, separate, the text shown until Word updates it, end)."""
    parts = (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin" w:dirty="true"/>',
             f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>',
             f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
             f'<w:t {nsdecls("w")} xml:space="preserve">{shown}</w:t>',
             f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>')
    for xml in parts:
        run = paragraph.add_run()
        if size is not None:
            run.font.size = size
        run._r.append(parse_xml(xml))


# Elements that come after w:updateFields in w:settings (the schema fixes the order).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator")


def _update_fields_on_open(document) -> None:
    """Word offers to update the fields when the draft is opened: the table of contents fills itself."""
    settings = document.settings.element
    update = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
    later = next((child for child in settings if child.tag in {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}),
                 None)
    if later is not None:
        later.addprevious(update)
    else:
        settings.append(update)


if __name__ == "__main__":
    print(build())
