import type { DemoArticle } from './types.js';

export const articlesC: DemoArticle[] = [
  {
    slug: 'a-clinic-follows-families-on-the-move',
    kicker: 'Health',
    title: 'A clinic network that follows families on the move',
    dek: 'Where displaced households relocate every few months, a network of clinics is trying to make sure a child’s medical history moves with them.',
    authors: ['samira-haddad'],
    regions: ['middle-east'],
    themes: ['migration', 'health'],
    daysAgo: 1,
    hour: 7,
    newsletterPick: true,
    image: {
      alt: 'Illustration: a folded paper health card passing between outstretched hands',
      caption: 'Health cards carried by families are the backbone of a clinic network spanning dozens of towns.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>When Hala Darwish arrived at the clinic in Tal Rumman last month with her two youngest children, the nurse at the front desk did not ask her to start from the beginning. She scanned a laminated card, and within seconds the screen showed the children’s vaccination dates, a course of antibiotics prescribed the previous winter in a town 140 kilometres away, and a note about the younger boy’s asthma.</p>

<p>“It was the first time in four years that I didn’t have to explain everything again,” said Ms Darwish, who has moved five times since leaving her home village. “Usually I carry a plastic bag of papers, and half of them are wet or lost.”</p>

<p>The card belongs to a system run by the Crossroads Health Network, a group of 23 clinics operated by a coalition of local charities and two district health authorities across a band of towns that has absorbed tens of thousands of displaced families. Its premise is simple: people who move often should not lose their medical history each time they do.</p>

<h2>A record that travels</h2>

<p>Families receive a card with a printed code and a short summary of essential information: blood group, allergies, chronic conditions and immunisations. The full record sits on a shared server that any clinic in the network can consult, and a copy is synchronised to each clinic’s local computer so that staff can keep working when the connection drops, which, in some towns, happens most afternoons.</p>

<p>According to the network’s <a href="https://crossroads-health.example/annual-review-2026">latest annual review</a>, about 61,000 people now hold a card, and roughly a third of all consultations last year involved a patient whose previous visit had been at a different clinic. Before the system was introduced, staff estimated that children who changed towns missed or repeated vaccine doses in around one case in five.</p>

<p>Dr Karim Nassar, a paediatrician who coordinates the network’s clinical work, said the most visible change has been in immunisation. “We used to vaccinate on guesswork. If a mother said her daughter had the second dose but wasn’t sure, we would often give it again to be safe, or skip it and hope. Now we can see it.” He said the share of children under five who were fully immunised for their age had risen from 64 to 81 per cent in the clinics with the longest experience of the system.</p>

<h2>Questions of trust</h2>

<p>Not everyone was comfortable at first. Some families worried that a database of names and locations could be shared with authorities or used to track their movements. The network says it stores only what clinicians need, keeps no record of a patient’s previous address, and lets any cardholder ask for their file to be deleted. An independent review board that includes two community representatives must approve any request to use anonymised data for research.</p>

<blockquote><p>“People have good reasons to be careful about who knows where they are. If they stop trusting us, they stop coming, and then the record is worthless.” — Rana Said, community liaison officer, Crossroads Health Network</p></blockquote>

<p>Ms Said, who spends most of her week visiting informal settlements to explain how the cards work, said uptake improved once the network printed the summary on the card itself. “When people could read what was on it, they understood it was theirs.”</p>

<p>The approach echoes efforts elsewhere to bring continuity to patients whom health systems struggle to keep track of, from <a href="/articles/mobile-clinics-fill-rural-gaps">mobile clinics serving villages that lost their surgeries</a> to outreach teams in large cities. What makes the Crossroads model distinctive, its staff say, is that the record is designed around movement rather than residence.</p>

<h2>What comes next</h2>

<p>The network’s funding, which comes mainly from two charitable foundations and a regional health grant, is secured until the end of next year. Its managers want the district health authorities to take over the server and the staff who maintain it, a step that would make the system part of the public health service rather than a charity project. Talks are under way, but officials say any handover would require new rules on data protection and on who may access the records.</p>

<p>In the meantime, the network plans to add a simple text-message reminder for upcoming vaccine doses, and to test whether pharmacies in three towns can read the cards so that prescriptions can be checked before they are filled. Dr Nassar said the aim was modest. “We are not trying to build a perfect hospital system. We are trying to make sure a child is not a stranger every time she walks through a new door.”</p>`,
  },
  {
    slug: 'desalination-and-the-brine-question',
    kicker: 'Water',
    title: 'Desalination’s growing problem: what to do with the brine',
    dek: 'As coastal plants supply a rising share of drinking water, engineers, fishers and regulators are arguing over the salty waste returned to the sea.',
    authors: ['samira-haddad'],
    regions: ['middle-east'],
    themes: ['climate'],
    dossier: 'water-under-pressure',
    daysAgo: 4,
    hour: 9,
    image: {
      alt: 'Illustration: a long outfall pipe reaching into a pale blue gulf',
      caption: 'Brine outfalls from coastal desalination plants are drawing closer scrutiny from regulators and fishing communities.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>The desalination plant at Ras Nakhla produces about 240,000 cubic metres of drinking water a day, enough for roughly a million people in the towns strung along the coast behind it. For every litre of fresh water it makes, it also produces about one and a half litres of brine: seawater with nearly twice the usual concentration of salt, along with traces of the chemicals used to keep its membranes clean.</p>

<p>For most of the plant’s 12-year life, that brine has gone back into the sea through a pipe that ends 600 metres offshore. Now, as the regional water authority prepares to approve two more plants along the same stretch of coast, what happens to the brine has become one of the most contested questions in the region’s water planning.</p>

<p>Across the Middle East, desalinated water has moved from a supplement to a foundation. In several coastal cities it now supplies more than half of household water, and planners expect that share to grow as groundwater is depleted and rainfall becomes less reliable. The technology has improved: modern reverse-osmosis plants use less than half the energy per cubic metre of those built a generation ago. The brine, however, has not gone away.</p>

<h2>What the sea can absorb</h2>

<p>A <a href="https://coastal-water-authority.example/brine-study-2026">three-year monitoring study</a> commissioned by the Coastal Water Authority found that salinity near the Ras Nakhla outfall was elevated by up to 8 per cent within 200 metres of the pipe, falling to background levels within about a kilometre. Seagrass cover in the immediately affected zone had declined, the study found, while fish counts further out showed no clear change.</p>

<p>Dr Leila Mansour, a marine ecologist at the Nakhla Marine Institute who worked on the study, called the results “neither alarming nor reassuring.” “A single well-designed outfall in a place with strong currents can be managed,” she said. “The question is what happens when you put three or four plants on the same shallow bay, where water moves slowly. The effects add up, and we do not yet have good models for that.”</p>

<p>Fishers in the village of Bahr al-Sudd, north of the plant, say they have noticed changes. “The small fish that used to gather near the rocks are fewer,” said Yousef Hamdan, who has fished the bay for three decades. He acknowledged that he could not say whether brine, warmer summers or overfishing was to blame. “Nobody can tell us. That is the problem.”</p>

<h2>The options on the table</h2>

<p>Engineers and regulators are weighing several approaches, often in combination:</p>

<ul>
<li><strong>Better dispersal:</strong> longer outfalls with diffusers that spread the brine quickly into deeper, faster-moving water.</li>
<li><strong>Dilution:</strong> mixing brine with cooling water from nearby power stations or treated wastewater before discharge.</li>
<li><strong>Recovery:</strong> extracting salts and minerals, such as magnesium and sodium chloride, for sale to industry.</li>
<li><strong>Reduction:</strong> running plants at higher recovery rates so that less brine is produced per litre of fresh water, at the cost of more energy.</li>
</ul>

<p>Mineral recovery attracts the most interest and the most scepticism. A pilot unit at Ras Nakhla has produced industrial-grade salt for two years, but it handles less than 1 per cent of the plant’s brine, and its operators say the energy needed to scale it up would add significantly to the cost of water. “It works chemically,” said Faris Odeh, the plant’s technical director. “Whether it works financially depends on prices for the minerals and on what electricity costs us.”</p>

<p>That link to electricity matters because much of the region’s new generation is expected to come from solar farms, some of which are already looking for buyers for surplus daytime power, as described in our report on <a href="/articles/desert-solar-looks-for-buyers">desert solar projects seeking markets</a>. Some planners argue that cheap midday power could make energy-intensive brine treatment more viable.</p>

<h2>A decision pending</h2>

<p>The Coastal Water Authority is expected to publish draft discharge standards before the two new plants receive final approval later this year. Officials say the rules are likely to cap salinity increases at the edge of a defined mixing zone and to require continuous monitoring, with the data published online.</p>

<p>Rima Khalil, who heads the authority’s environmental unit, said the region could not afford to slow down desalination but could afford to be more careful about it. “Water security and a healthy coast are not opposites,” she said. “But we have to design for both from the start, not add one later.”</p>`,
  },
  {
    slug: 'desert-solar-looks-for-buyers',
    kicker: 'Analysis',
    title: 'Desert solar has power to spare. Now it needs buyers',
    dek: 'Vast solar farms can generate electricity more cheaply than almost anywhere, but selling it depends on cables, contracts and neighbours’ grids.',
    authors: ['samira-haddad'],
    regions: ['middle-east'],
    themes: ['energy', 'economy'],
    dossier: 'the-grid-rewired',
    daysAgo: 8,
    hour: 11,
    image: {
      alt: 'Illustration: rows of solar panels receding towards a line of pylons at dusk',
      caption: 'Solar arrays in the desert interior are producing more midday power than local grids can absorb.',
      credit: 'Illustration: Meridian Ledger studio / energy desk',
    },
    body: `<p>On a clear spring day, the Qasr al-Shams solar complex, spread across 38 square kilometres of gravel plain in the desert interior, can produce 2.1 gigawatts of electricity. On many of those days, a large share of that output has nowhere to go. Grid operators instruct the complex to curtail its production at midday, when demand in nearby cities is already met, and panels that cost hundreds of millions of dollars sit partly idle.</p>

<p>The problem is a sign of success. Over the past decade, the cost of building solar farms in the region’s deserts has fallen so far that they now produce some of the cheapest electricity anywhere. Governments and private developers have responded by building faster than transmission lines and consumers can keep up. The next phase of the transition, analysts say, will be less about generating power than about moving and selling it.</p>

<h2>Cables across borders</h2>

<p>The most ambitious answer is to export. Several interconnectors are being studied or built to link national grids in the region with each other and, eventually, with markets further afield. The Regional Interconnection Council, a body set up by grid operators to coordinate such projects, estimates in its <a href="https://interconnect-council.example/outlook-2026">2026 outlook</a> that cross-border capacity could triple by the end of the decade if the projects now in planning are completed.</p>

<p>“The economics are compelling on paper,” said Nadia Qassem, an energy economist who advises the council. “Our midday peak of solar output coincides with high demand elsewhere, for air conditioning or industry. A cable lets you sell into that. But an interconnector is not just a piece of engineering. It is a long-term political and commercial relationship.”</p>

<p>Those relationships take time. Contracts must define who pays for the cable, how prices are set, what happens when either side needs its power at home, and how disputes are resolved. Negotiations on one planned 600-kilometre link have lasted more than four years. Developers say financing for such projects depends on long-term agreements with buyers, which in turn depend on the cable being built.</p>

<h2>Selling at home</h2>

<p>Others argue the surplus is better used closer to the panels. Industrial zones near the solar complex are courting energy-intensive businesses, from data centres to aluminium smelting and hydrogen production. Water utilities are also interested: desalination plants use large amounts of electricity, and some engineers see cheap midday power as a way to make water treatment more affordable, including the handling of the <a href="/articles/desalination-and-the-brine-question">brine that desalination leaves behind</a>.</p>

<p>Omar Bitar, who manages commercial contracts for Sunplain Energy, one of the complex’s operators, said the company had signed its first agreement with an industrial buyer last year, for a cement plant that will shift some of its grinding operations to daytime hours. “It’s small, but it changes the conversation,” he said. “If customers can move their demand to when the sun is shining, we don’t need to move the power so far.”</p>

<p>Storage is the third option. Battery projects, which in colder climates are being used to <a href="/articles/batteries-take-the-winter-peak">cover winter evening peaks</a>, are being proposed here to shift solar output into the evening, when household demand rises as people return home. Operators say falling battery prices have made four-hour storage systems viable for the first time, though not yet at the scale needed to absorb the full midday surplus.</p>

<h2>The cost of waiting</h2>

<p>Curtailment figures are closely watched. According to the national grid operator, about 9 per cent of potential solar output across the country was curtailed last year, up from 3 per cent two years earlier. Analysts warn that if the share keeps rising, it could discourage new investment just as governments are counting on it.</p>

<p>Ms Qassem said the region was entering a phase familiar to others that have built renewable power quickly. “The first chapter was about whether solar could be cheap. That question is answered,” she said. “The second chapter is about grids, markets and neighbours. It is slower and less photogenic, but it decides whether the first chapter pays off.”</p>`,
  },
  {
    slug: 'date-growers-fight-a-palm-pest',
    kicker: 'Farming',
    title: 'Date growers band together against a palm-eating weevil',
    dek: 'In an oasis where a single infested tree can threaten its neighbours, farmers are trading secrecy for shared traps, inspections and data.',
    authors: ['samira-haddad'],
    regions: ['middle-east'],
    themes: ['agriculture'],
    daysAgo: 12,
    hour: 14,
    image: {
      alt: 'Illustration: a grove of date palms with a small beetle silhouette in the foreground',
      caption: 'Date palms in the oasis are now inspected tree by tree for signs of weevil infestation.',
      credit: 'Illustration: The Meridian Ledger',
    },
    body: `<p>Salem al-Rashidi knew something was wrong with the palm at the corner of his grove when a few of its fronds began to droop in the middle of winter. By the time a technician drilled into the trunk, the inside had been hollowed out by larvae. The tree, more than 40 years old and still bearing about 80 kilograms of dates a season, had to be cut down and burned.</p>

<p>“In the past, a farmer would have kept that quiet,” said Mr al-Rashidi, who farms 300 palms on the edge of the Wadi Ghurab oasis. “You don’t want your neighbours or your buyers to know you have the weevil. But if you hide it, it goes next door, and then it comes back to you.”</p>

<p>The insect in question, a reddish-brown weevil whose larvae tunnel through the trunks of date palms, is one of the most damaging pests of the crop across the Middle East and North Africa. Infestations are hard to spot early: by the time symptoms are visible, the tree is often beyond saving. Because adult weevils can fly several kilometres, a single neglected grove can seed outbreaks across an entire oasis.</p>

<h2>From private problem to shared one</h2>

<p>Two years ago, after losses climbed sharply, growers in Wadi Ghurab set up a pest committee through their marketing cooperative, which handles packing and sales for about 450 member farms. The committee’s approach rests on a few principles:</p>

<ul>
<li>Every member farm hosts pheromone traps, which are checked every two weeks by young people from the oasis, trained and paid by the cooperative.</li>
<li>Trap counts are entered into a shared map that all members can see, showing hotspots without naming individual farms.</li>
<li>Infested trees are reported within 48 hours and removed by a cooperative crew, with the cost shared across members.</li>
<li>Movement of offshoots, the young plants used to propagate palms, is limited to certified nurseries.</li>
</ul>

<p>The cooperative’s <a href="https://oasis-growers.example/weevil-survey">latest survey</a> suggests the effort is paying off. Average weekly trap catches fell by 57 per cent between the first and second seasons, and the number of trees removed dropped from 1,140 to 390. Yields across member farms rose by about 6 per cent at the last harvest, though the cooperative says better rainfall also helped.</p>

<p>Huda Bakri, an agronomist with the provincial agriculture directorate who advises the committee, said the data had changed how farmers think. “A farmer sees that the trap on his land caught twenty weevils and his neighbour’s caught two. That is a conversation that didn’t happen before,” she said. “The map makes the pest visible before the trees show it.”</p>

<blockquote><p>“The weevil does not respect property lines. Our only advantage is that we can talk to each other and it cannot.” — Huda Bakri, agronomist</p></blockquote>

<h2>Costs and holdouts</h2>

<p>The programme is not cheap. Traps, lures and wages for the inspection teams cost the cooperative about 120,000 dinars a year, funded partly through a small levy on each kilogram of dates sold and partly by a grant from the directorate that expires next year. Some smaller growers say the levy weighs heavily when prices are low. Cooperatives elsewhere face similar debates over how to share costs and bargaining power, as in the case of <a href="/articles/coffee-growers-test-a-price-floor">coffee growers negotiating a minimum price</a> with their buyers.</p>

<p>A bigger worry is the farms that remain outside the system. Around a fifth of the oasis’s palms belong to owners who are not cooperative members, including absentee landlords whose groves are barely tended. Committee members say several recent outbreaks began on such land. The directorate is considering rules that would require inspection of all palms in designated areas, regardless of membership, but officials say enforcement would be difficult without more staff.</p>

<p>For now, Mr al-Rashidi has planted two offshoots from a certified nursery where the old tree stood. They will take about five years to bear fruit. “My father lost trees to this and never knew why,” he said. “At least now we know what we are fighting, and we are not fighting alone.”</p>`,
  },
  {
    slug: 'rural-broadband-arrives-by-cooperative',
    kicker: 'Connectivity',
    title: 'The power co-op that decided to string fibre along its poles',
    dek: 'A member-owned electricity cooperative in the hills is bringing fast internet to farms that commercial providers passed over for decades.',
    authors: ['tomas-novak'],
    regions: ['north-america'],
    themes: ['technology', 'economy'],
    source: {
      slug: 'the-upland-observer',
      originalUrl: 'https://upland-observer.example/stories/rural-broadband-cooperative',
    },
    daysAgo: 7,
    hour: 8,
    image: {
      alt: 'Illustration: a utility pole on a hillside with a bright line of cable running to a farmhouse',
      caption: 'Fibre cable now hangs on the same poles that have carried the cooperative’s power lines for generations.',
      credit: 'Illustration: Upland Observer design desk',
    },
    body: `<p>For most of the past twenty years, the fastest way for Marjorie Holt to send a large file from her dairy farm on Carver’s Ridge was to drive it into town on a memory stick. Her satellite connection cost more than her electricity bill and slowed to a crawl whenever it rained. Since March, the farm has had a fibre line capable of a gigabit per second, installed by the same organisation that has supplied its power since her grandfather’s day.</p>

<p>Ridgeline Electric Cooperative, which serves about 14,000 member households across three upland counties, began stringing fibre-optic cable along its existing poles four years ago. It has now connected just over 6,200 homes, farms and businesses, and expects to reach every member who wants service within two years.</p>

<p>“We did this for the same reason we built power lines in the first place,” said Earl Whitaker, the cooperative’s general manager. “Nobody else was going to do it out here. The density doesn’t work for a company that answers to shareholders. It works for one that answers to the people at the end of the line.”</p>

<h2>Poles already standing</h2>

<p>The cooperative’s biggest advantage is infrastructure it already owns. Hanging cable on existing poles costs a fraction of burying it, and Ridgeline’s crews know every mile of its 3,400-mile network. The fibre also serves the cooperative’s own needs: it connects substations and smart meters, allowing faster detection of outages and more precise control of the grid.</p>

<p>The project, detailed in the cooperative’s <a href="https://ridgeline-electric.example/fibre-project">public progress reports</a>, is expected to cost about $96 million. Roughly 40 per cent has come from state and federal rural connectivity grants, with the rest financed through long-term loans to be repaid from subscriptions. Members pay $65 a month for the basic service, and the cooperative says it needs about 45 per cent of members to sign up to break even. Uptake so far is 58 per cent in areas where service is available.</p>

<p>Not every member was convinced at the outset. At the annual meeting where the plan was approved, some older members worried that electricity rates would rise to subsidise the new business. The cooperative set up the fibre operation as a separate subsidiary with its own accounts, and the board has pledged that power bills will not be used to cover broadband losses.</p>

<h2>What changes on the farm</h2>

<p>For farmers, the benefits are practical. Ms Holt now monitors her milking equipment remotely and uploads herd records to a breeding service in minutes rather than hours. Her son, who manages the farm’s accounts, no longer drives to the public library to file returns. Elsewhere on the network, a cheese maker has started selling online, a veterinary practice offers video consultations, and two families have moved back to the area because one partner can now work from home.</p>

<p>“It’s not magic,” Ms Holt said. “Milk prices are still milk prices. But we’re not cut off any more, and that counts for something.”</p>

<p>Dana Kirby, a rural sociologist who studies small communities in the region, cautioned against expecting broadband alone to reverse decades of population decline. “Connectivity is necessary but not sufficient,” she said. “People also need schools, clinics and jobs. What a cooperative project does well is keep the money and the decisions local, which tends to build trust for the next project.”</p>

<p>That pattern of communities building their own infrastructure when markets do not is familiar in mountain areas elsewhere, from <a href="/articles/mountain-villages-build-their-own-hydro">villages running their own micro-hydro plants</a> to farm cooperatives that now <a href="/articles/mobile-payments-reach-farm-cooperatives">pay their members by mobile money</a>.</p>

<p>Ridgeline’s remaining work is the hardest: the last 1,800 connections lie along long, steep roads where a single home may need a mile of cable. Mr Whitaker said the cooperative would finish them anyway. “That’s the deal with a co-op,” he said. “You don’t get to pick the easy members.”</p>`,
  },
  {
    slug: 'towns-try-to-lift-local-turnout',
    kicker: 'Local democracy',
    title: 'Towns move their elections to national polling day in search of voters',
    dek: 'Stand-alone municipal elections often draw fewer than one voter in five, so some towns are moving them to coincide with national polls and weighing the trade-offs.',
    authors: ['daniel-price'],
    regions: ['north-america'],
    themes: ['governance'],
    daysAgo: 2,
    hour: 16,
    image: {
      alt: 'Illustration: a small town hall with a queue of stylised voters outside',
      caption: 'Turnout in stand-alone municipal elections has fallen steadily over two decades in many towns.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>When the town of Ashford Falls held its last stand-alone municipal election, 17 per cent of registered voters took part. The mayor was chosen by about 2,300 people in a town of 21,000. Next year, for the first time, residents will elect their mayor and council on the same day as national elections, when turnout in the town has typically exceeded 60 per cent.</p>

<p>Ashford Falls is one of a growing number of municipalities in North America weighing or adopting the change, known as election consolidation. Supporters say it is the simplest way to make local government more representative. Critics worry that local issues will be drowned out by national campaigns.</p>

<p>“We had a council making decisions about water rates, zoning and policing on the mandate of one voter in six,” said Councillor Denise Marchetti, who sponsored the change. “Whatever you think of those decisions, that is a thin foundation.”</p>

<h2>What the numbers show</h2>

<p>Research on the question is fairly consistent. A <a href="https://civic-participation-lab.example/turnout-study">study by the Civic Participation Lab</a>, which examined more than 400 municipalities that changed their election dates over two decades, found that turnout in local races roughly doubled on average after consolidation. The electorate also changed: voters in consolidated elections were younger, and more likely to be renters, than those who turned out for stand-alone municipal contests.</p>

<p>“Off-cycle elections are dominated by people with the time and the habit of voting, and by groups with a direct stake, such as municipal employees or developers,” said Professor Alan Whitcombe, who led the study. “When you move the date, you don’t necessarily change who wins, but you change who gets to decide.”</p>

<p>The study also found a cost. On consolidated ballots, a larger share of voters skipped the local races altogether after voting in national ones, a pattern known as roll-off. In some municipalities, roll-off reached 15 to 20 per cent. Even so, the absolute number of people voting in local contests was higher than before.</p>

<h2>The case against</h2>

<p>Opponents raise several concerns:</p>

<ul>
<li>Local candidates may struggle to be heard amid national advertising, and may become more reliant on party labels.</li>
<li>Longer ballots can mean longer queues and more errors, particularly where voting is by paper.</li>
<li>Local issues may be framed through national political divisions, making non-partisan councils harder to sustain.</li>
<li>Moving dates usually extends or shortens one set of terms, which some see as convenient for incumbents.</li>
</ul>

<p>Gordon Pryce, a former town clerk who now advises municipalities on election administration, said the logistical challenges were real but manageable. “The bigger question is what kind of local democracy you want,” he said. “A quiet election with a small, informed electorate, or a noisy one with a large, less focused electorate. There are honest arguments on both sides.”</p>

<p>In Ashford Falls, the council passed the change by five votes to two after a year of public hearings. One of the dissenting councillors, Ray Okonjo, said he feared that candidates would need more money to be noticed. “In a quiet election, you can win by knocking on doors. In a national year, you are competing with television,” he said.</p>

<h2>Other routes to participation</h2>

<p>Consolidation is not the only idea being tried. Some towns have extended early voting, introduced postal ballots for all residents, or experimented with giving residents a direct say in spending, as one African city has done by <a href="/articles/a-city-lets-residents-write-its-budget">letting residents help write its budget</a>. Advocates of such approaches argue that turnout is only one measure of engagement.</p>

<p>Ashford Falls will be watched closely. Its clerk’s office is hiring extra poll workers, redesigning the ballot to place local races on a separate page, and running an information campaign about the council candidates. Ms Marchetti said the town would review the results after the election. “If turnout goes up and people feel better represented, we’ll keep it,” she said. “If not, we’ll have learned something.”</p>`,
  },
  {
    slug: 'a-court-weighs-water-in-a-dry-year',
    kicker: 'Water',
    title: 'A court weighs who gets the river’s water in a dry year',
    dek: 'As drought shrinks a western river, a judge must decide how century-old water rights should govern the way a shortage is shared.',
    authors: ['daniel-price'],
    regions: ['north-america'],
    themes: ['climate', 'governance'],
    dossier: 'water-under-pressure',
    daysAgo: 5,
    hour: 6,
    newsletterPick: true,
    image: {
      alt: 'Illustration: a narrow river channel winding between cracked banks and fenced fields',
      caption: 'Summer flows in the Sable River fell to the lowest level since monitoring began.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>In a wood-panelled courtroom in the county seat of Granite Bend, lawyers for farmers, a fast-growing city and a fisheries agency spent three weeks this spring arguing over a question that the law answered more than a century ago, and that a drought has reopened: when there is not enough water in the Sable River for everyone, who goes without?</p>

<p>Judge Evelyn Marsh of the regional water court is expected to rule within weeks on a set of consolidated cases that could reshape how shortages are shared in a basin that irrigates about 180,000 acres of farmland and supplies drinking water to more than 400,000 people.</p>

<h2>First in time</h2>

<p>Water in the Sable basin, as in much of western North America, is allocated under the principle of prior appropriation: those who first put water to use hold senior rights, which must be satisfied in full before later, junior users receive any. In a normal year the distinction barely matters. In a dry year it can mean that a farm with an 1890s right gets its full allocation while a city whose rights date from the 1960s gets nothing from the river at all.</p>

<p>This year is one of those years. Snowpack in the headwaters reached 41 per cent of its long-term average, and summer flows at the main gauge fell to the lowest level since monitoring began. The state water engineer issued curtailment orders in June, cutting off dozens of junior users.</p>

<p>The city of Lindell, whose water utility holds mostly junior rights, has been drawing on reservoir storage and groundwater. In its filings, the city argues that the engineer should consider public health and safety when enforcing priorities, and that some senior irrigation rights are being used wastefully, for instance through flood irrigation of low-value pasture. A coalition of irrigation districts rejects both claims.</p>

<blockquote><p>“Senior rights are property. Farmers have borrowed against them, planted orchards on them and planned their lives around them. You cannot rewrite them because a drought has made them inconvenient.” — Harlan Briggs, counsel for the Upper Sable Irrigation Districts</p></blockquote>

<p>A third party, the state fisheries agency, argues that minimum flows must be maintained to protect a native trout population, under an instream right the agency acquired decades ago. That right is junior to most irrigation rights but senior to much of the city’s.</p>

<h2>What the court can and cannot do</h2>

<p>Legal scholars say the court’s room for manoeuvre is limited. “The judge is not going to abolish prior appropriation,” said Professor Carla Ruiz, who teaches water law and has followed the case. “But there are doctrines within the system, about beneficial use and waste and about how much water a right actually entitles you to, that have rarely been tested in a real shortage. If the court tightens those, the effect could be significant.”</p>

<p>The court’s <a href="https://sable-basin-court.example/case-documents">published case documents</a> include detailed evidence on irrigation efficiency. Consultants for the city estimate that modernising canals and switching some fields to sprinklers could free up as much as 15 per cent of senior diversions. The irrigation districts counter that water lost from unlined canals recharges aquifers used by others downstream, and that efficiency gains on paper often do not translate into more water in the river.</p>

<h2>Negotiation in the shadow of a ruling</h2>

<p>While the case proceeds, the parties have kept talking. Several irrigation districts have agreed to lease water to Lindell this summer in exchange for payments that will fund canal lining, a deal brokered by the basin’s water board. Mayor Teresa Quan said the city would prefer more such agreements to a courtroom victory. “A ruling produces a winner and a loser,” she said. “A river needs a plan.”</p>

<p>Water managers in other regions are confronting versions of the same dilemma, from <a href="/articles/andean-city-plans-for-less-glacier-water">a highland city planning for shrinking glaciers</a> to <a href="/articles/low-water-stalls-river-barges">river shipping stalled by low water in Europe</a>. What makes the Sable case notable is that it tests whether a legal system designed for settling a frontier can adapt to a hotter, drier century.</p>

<p>Whatever Judge Marsh decides, an appeal is widely expected. Farmers such as Walt Denning, whose family has irrigated alfalfa near Granite Bend since 1887, say they are bracing for years of uncertainty. “We all know the river is giving less,” he said. “The fight is over who absorbs that. I’d rather we worked it out ourselves than have it handed down.”</p>`,
  },
  {
    slug: 'rural-hospitals-share-their-specialists',
    kicker: 'Health care',
    title: 'Small hospitals pool their specialists to keep care close to home',
    dek: 'Five rural hospitals are sharing cardiologists, surgeons and psychiatrists by rota and video link, sparing patients long trips and themselves closures.',
    authors: ['daniel-price'],
    regions: ['north-america'],
    themes: ['health', 'economy'],
    daysAgo: 10,
    hour: 13,
    image: {
      alt: 'Illustration: a small hospital building linked to others by thin glowing lines across a map',
      caption: 'The five hospitals in the alliance are up to 190 kilometres apart.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>Every second Tuesday, cardiologist Dr Priya Raman drives 140 kilometres from the regional hospital in Kestrel Bay to the 40-bed hospital in Loonridge, where a waiting room of patients has been booked for her in advance. On the other days of the month, she sees many of the same patients by video from her office, with a nurse in Loonridge taking blood pressure readings and running heart tracings as she watches.</p>

<p>Dr Raman is one of 22 specialists working across the North Shore Health Alliance, a partnership of five small hospitals that, three years ago, began pooling specialist staff rather than competing to recruit them. The arrangement has allowed hospitals that could never afford a full-time cardiologist, psychiatrist or general surgeon to offer those services locally for part of each week.</p>

<p>“Each of us on our own was trying to hire people who didn’t want to be the only specialist in a town of 6,000, on call every night,” said Marianne Tessier, chief executive of the hospital in Loonridge. “Together, we can offer them a team, a reasonable schedule and a caseload that keeps their skills sharp.”</p>

<h2>How the rota works</h2>

<p>Specialists are employed by the alliance rather than by any single hospital. Each holds privileges at all five sites and rotates among them on a published schedule, with video consultations filling the gaps. Surgical cases that need more equipment are concentrated at the two larger hospitals, while follow-up care takes place closer to patients’ homes.</p>

<p>The alliance’s <a href="https://northshore-health-alliance.example/year-one-report">first full-year report</a> sets out the effects. Patient transfers to the distant city hospital fell by 23 per cent, and the average wait for a first specialist appointment fell from 19 weeks to 11. The partners estimate they saved about $4.2 million in the year on temporary agency doctors, who had previously filled gaps at rates well above standard salaries.</p>

<p>The savings matter. Rural hospitals across the continent face rising costs and ageing, shrinking populations, and several in the region have cut services in the past decade. “The choice was not between this and the status quo,” said Ms Tessier. “It was between this and slowly losing departments one by one.”</p>

<h2>Limits of the screen</h2>

<p>Video consultations have become a central part of the model, but clinicians are careful about their limits. Dr Raman said that roughly a third of her follow-up visits work well by video, particularly for reviewing test results and adjusting medication. “You can’t listen to a heart murmur through a laptop,” she said. “But you can save an elderly patient a four-hour round trip in winter to tell her that her blood tests are fine.”</p>

<p>The quality of the connection also matters. Two of the hospitals had to upgrade their internet links before video clinics could run reliably, and some patients in outlying areas still lack broadband at home, a gap that projects such as <a href="/articles/rural-broadband-arrives-by-cooperative">a cooperative fibre network</a> elsewhere in rural North America are trying to close.</p>

<p>Patients have mixed views. Gerald Amos, 71, who lives near Loonridge and sees a psychiatrist through the alliance, said the arrangement had made regular care possible for the first time. “Before, I went without, because I couldn’t drive to the city every month.” Others say they find it harder to build a relationship with a doctor they see in person only occasionally.</p>

<h2>Pressure on the model</h2>

<p>The alliance faces its own strains. Specialists say that travel, even when paid, is tiring, particularly in winter. Nurses at the smaller sites, who act as the specialists’ hands during video visits, say their workload has grown without a matching increase in staff. Their union has asked for the role to be formally recognised and paid accordingly.</p>

<p>Funding is also uncertain. Start-up costs were covered by a three-year provincial innovation grant that ends next spring. The hospitals are negotiating with the provincial health ministry to fold the alliance into their regular budgets. Officials have said they are watching it as a possible model for other rural areas, along with approaches such as <a href="/articles/mobile-clinics-fill-rural-gaps">mobile clinics that travel between villages</a>.</p>

<p>Ms Tessier said the hospitals would continue regardless. “We have shown it works. What we need now is for it not to depend on a grant,” she said.</p>`,
  },
  {
    slug: 'a-public-register-for-government-algorithms',
    kicker: 'Technology',
    title: 'A province opens a public register of the algorithms it uses',
    dek: 'From benefit checks to road-repair scheduling, a provincial government now lists its automated decision systems online, though critics say a list is only a first step.',
    authors: ['daniel-price'],
    regions: ['north-america'],
    themes: ['technology', 'governance'],
    daysAgo: 13,
    hour: 10,
    image: {
      alt: 'Illustration: a filing cabinet whose open drawers release streams of abstract data',
      caption: 'The register lists 47 automated systems used across provincial ministries.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>A provincial government has published an online register of every automated system it uses to make or support decisions about residents, from software that flags social assistance files for review to a model that ranks which roads should be resurfaced first. The register, launched last month by the province’s Office of Digital Government, lists 47 systems across 11 ministries.</p>

<p>Officials describe it as a basic act of transparency. “If a computer is helping decide whether you get a benefit or an inspection, you should be able to find out that it exists and what it does,” said Helen Matsuda, the province’s chief digital officer. “Until now, that information was scattered across procurement files and internal memos, if it was written down at all.”</p>

<h2>What each entry contains</h2>

<p>Each system in the <a href="https://digital-service.example/algorithm-register">public register</a> has a standard entry that includes:</p>

<ul>
<li>a plain-language description of what the system does and which decisions it informs;</li>
<li>whether a human reviews every output before a decision is taken;</li>
<li>the categories of data used, and where that data comes from;</li>
<li>the results of any impact assessment, including tests for uneven error rates between groups;</li>
<li>a contact point for questions and a route for appealing decisions.</li>
</ul>

<p>The entries vary widely in risk. Many are mundane, such as a tool that sorts incoming correspondence or forecasts demand for driving licence appointments. Others are more sensitive. A system used by the social services ministry scores benefit applications for the likelihood of errors, and files above a threshold are sent to a caseworker for closer checks. The register says the system flags about 8 per cent of applications and that final decisions are always made by staff.</p>

<h2>A first step, critics say</h2>

<p>Civil liberties groups and researchers have welcomed the register while arguing that it leaves important questions open. Dr Nathan Osei, who studies public sector technology at a provincial university, said that several entries describe a system’s purpose without disclosing how accurate it is or how often its flags lead to a different outcome. “Knowing that a model exists is different from knowing whether it works, and for whom,” he said.</p>

<p>The register also covers only systems the province runs itself. Municipalities, school boards and arm’s-length agencies are not yet included, nor are tools embedded in software bought from vendors, which officials acknowledge may number in the dozens. Vendors can request that technical details be withheld for commercial reasons; 9 of the 47 entries include such redactions.</p>

<blockquote><p>“A register tells you where to look. It does not tell you what you will find. Its value will depend on whether anyone uses it to ask hard questions, and whether the government answers them.” — Dr Nathan Osei</p></blockquote>

<p>Advocates for benefit claimants raised a practical concern. Lorraine Beaulieu, who runs a legal clinic helping people with social assistance appeals, said most of her clients would never read a technical register. “What matters to them is a letter that says, in plain words, that an automated check was involved and how to challenge it,” she said. The province says such notices will be added to decision letters over the next year.</p>

<h2>Part of a wider trend</h2>

<p>Governments in several countries have experimented with similar registers, and pressure for transparency over automated decisions is growing beyond the public sector, as seen among <a href="/articles/delivery-riders-question-the-algorithm">delivery riders questioning the algorithms that set their pay</a>. The province’s approach also builds on a broader push to publish government data, comparable to efforts elsewhere to <a href="/articles/procurement-data-goes-public">put every public contract online as open data</a>.</p>

<p>Legislation tabled alongside the register would require ministries to list new systems before deploying them and to repeat impact assessments every two years. Ms Matsuda said she expected the register to grow as staff identified more tools. “The honest answer is that we are still discovering some of what we use,” she said. “Publishing the list is how we find the rest.”</p>`,
  },
  {
    slug: 'the-border-corridor-that-never-sleeps',
    kicker: 'Dispatch',
    title: 'The border corridor that never sleeps',
    dek: 'At a land crossing that handles thousands of trucks a day, the drivers, brokers, inspectors and vendors who keep trade moving work around the clock.',
    authors: ['daniel-price', 'lucas-ferreira'],
    regions: ['north-america', 'latin-america'],
    themes: ['economy', 'migration'],
    daysAgo: 15,
    hour: 18,
    image: {
      alt: 'Illustration: a long line of lorries under floodlights at a border crossing at night',
      caption: 'Trucks queue through the night at the commercial crossing between the twin border cities.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>At three in the morning, the commercial lanes at the crossing between Santa Lucía del Norte and Redrock Junction look much as they do at three in the afternoon. Floodlights bathe a queue of trucks that stretches back nearly four kilometres. Customs brokers answer phones in offices above shuttered shops. A woman sells coffee and tamales from a cart to drivers who have been waiting since before midnight.</p>

<p>The crossing is one of the busiest land trade routes in the Americas. According to the <a href="https://corridor-trade-board.example/monthly-figures">binational Corridor Trade Board</a>, an average of 9,800 trucks passed through each day last year, carrying auto parts, electronics, fresh produce and appliances worth about $680 million. The figure has risen by about a third in five years, as manufacturers have moved production closer to consumers in the north.</p>

<h2>A life in the queue</h2>

<p>For drivers, the crossing is measured in hours. Rogelio Benítez, who has hauled auto parts across it for 14 years, said a good crossing takes 90 minutes and a bad one eight hours. “You learn to sleep in the cab, eat in the cab, do your paperwork in the cab,” he said. Drivers on the short cross-border shuttle runs, known in the trade as <em>drayage</em>, are often paid per trip rather than per hour, so long waits cut directly into their earnings.</p>

<p>Behind the trucks is an industry of intermediaries. About 1,100 licensed customs brokers work in the two cities, preparing the declarations, certificates and inspection bookings without which no cargo moves. Many firms run three shifts. “A shipment doesn’t care what time it is,” said Claudia Ibarra, who manages a brokerage with offices on both sides. “If a factory’s production line is waiting for a part, we are working on it at 4 a.m.”</p>

<p>Inspectors, too, work around the clock, and their numbers are a constant source of friction. Trade groups say staffing has not kept up with traffic, leaving lanes closed at peak times. Officials on both sides say they have added scanning equipment and pre-clearance programmes that let trusted shippers file data in advance, cutting average processing times by around a fifth over two years.</p>

<h2>Cities built on movement</h2>

<p>The corridor has reshaped both cities. Santa Lucía del Norte’s population has roughly doubled in two decades, drawing workers from farming regions further south to jobs in assembly plants, warehouses and trucking. Many send part of their wages home, a flow of money that has helped <a href="/articles/remittances-rebuild-a-small-town">rebuild towns in their regions of origin</a>.</p>

<p>Housing has struggled to keep pace. New arrivals often live in fast-built settlements on the city’s edge, some without paved roads or reliable water. Municipal planner Arturo Villaseñor said the city’s tax base had not grown as fast as its population, because many industrial parks enjoy tax exemptions. “We receive the people, but not always the revenue to serve them,” he said. Similar pressures appear wherever labour is drawn quickly to new work, as in the <a href="/articles/seasonal-workers-and-the-housing-squeeze">housing squeeze facing seasonal workers in Europe</a>.</p>

<p>On the northern side, Redrock Junction has become a hub of warehouses and logistics firms. Its mayor, Diane Kessler, said the town depended on the crossing for nearly half its jobs. “When the lines slow down, we feel it within days: in hotel bookings, in restaurant receipts, in overtime at the warehouses,” she said.</p>

<h2>What could change</h2>

<p>Both governments have announced plans for a second commercial bridge about 20 kilometres east, designed to separate heavy freight from the congested urban crossing. Construction is expected to take at least four years. In the meantime, the trade board is testing a system that assigns trucks appointment slots, aiming to flatten the queues that build up after factory shifts end.</p>

<p>For the people who work the corridor, the details matter less than the pace. Teresa Molina, the coffee vendor, has worked the same spot for nine years, from ten at night until sunrise. “The trucks never stop, so neither do I,” she said. “When they build the new bridge, I’ll move my cart.”</p>`,
  },
  {
    slug: 'container-ships-take-the-long-way',
    kicker: 'Shipping',
    title: 'Container ships take the long way, and freight costs follow',
    dek: 'Carriers avoiding the shortest Asia–Europe route are adding days to voyages, straining schedules and reshuffling which ports win and lose.',
    authors: ['rosa-almeida'],
    regions: ['europe', 'middle-east'],
    themes: ['economy'],
    source: {
      slug: 'harbour-line-review',
      originalUrl: 'https://harbourline.example/2026/container-ships-long-way',
    },
    daysAgo: 18,
    hour: 12,
    image: {
      alt: 'Illustration: a laden container ship on open ocean, its route traced as a long curved line',
      caption: 'Longer routes mean carriers need more ships to keep weekly services running.',
      credit: 'Illustration: Harbour Line Review graphics',
    },
    body: `<p>The container ship that left the transhipment hub at Khor Amwaj for northern Europe last month was scheduled to arrive in 24 days. It took 35. Rather than passing through the canal that has long served as the shortcut between Asia and Europe, it sailed the long way around Africa, a detour of roughly 6,000 kilometres that its operator, like many of its competitors, now treats as routine.</p>

<p>Carriers began diverting a growing share of Asia–Europe services this year, citing sharply higher transit fees, rising insurance premiums and unpredictable waiting times on the shorter route. The result is one of the largest shifts in container shipping patterns in a generation, and its effects are rippling through freight rates, port schedules and shipyard order books.</p>

<h2>Paying for distance</h2>

<p>Longer voyages require more ships to maintain the same weekly service. Analysts at Tidewater Freight Analytics estimate that keeping a typical Asia–northern Europe loop running on the longer route requires two to three additional vessels, each costing tens of thousands of dollars a day to charter and fuel. According to the firm’s <a href="https://tidewater-analytics.example/freight-index">freight index</a>, spot rates for a 40-foot container from East Asia to northern Europe have roughly doubled since the diversions began, though they remain below the peaks of earlier supply-chain disruptions.</p>

<p>“Shippers are paying for distance, and for time,” said Ines Karlsen, the firm’s head of research. “Every extra day at sea is a day a retailer’s stock is not on the shelf and a manufacturer’s parts are not on the line. Some of that cost is visible in the freight bill, and some of it shows up as extra inventory that companies now keep as a buffer.”</p>

<p>For shipping lines, the picture is mixed. Higher rates have lifted revenues, but fuel bills have risen too, and emissions per voyage have increased. Some carriers have raised sailing speeds to claw back time, which burns more fuel. Others have accepted longer transit times and added ships to their rotations. Orion Boxline, a mid-sized carrier, told customers that its schedule reliability had fallen from 71 to 54 per cent over six months.</p>

<h2>Winners and losers among ports</h2>

<p>The rerouting is also reshuffling the fortunes of ports. Mediterranean hubs that depended on ships passing through the canal have seen some calls disappear, while ports on the Atlantic coasts of Africa and Europe have gained refuelling and transhipment business. At Port Solenne, on the southern coast of Europe, container volumes fell 14 per cent year on year in the first half, according to the port authority.</p>

<blockquote><p>“We built our business on being the first stop after the canal. When the ships go around Africa, we are no longer on the way to anywhere.” — Marco Venturi, commercial director, Port Solenne</p></blockquote>

<p>Gulf ports face a different problem. Cargo for the Middle East that once arrived on large Asia–Europe vessels calling en route now often comes on dedicated feeder services, adding cost for importers. At Khor Amwaj, port officials say they have extended gate hours and added yard space to cope with more irregular arrivals, as ships bunch together after delays elsewhere.</p>

<p>Irregularity is itself a burden. When several large ships arrive at once, terminals must handle thousands of extra containers within days, straining cranes, trucks and warehouse space. Port managers say longer-term investments, such as <a href="/articles/shore-power-comes-to-a-busy-port">connecting berthed ships to shore power</a>, now compete for capital and attention with urgent efforts to manage congestion. Inland links add their own uncertainty, especially where cargo depends on rivers that <a href="/articles/low-water-stalls-river-barges">run low in dry summers</a>.</p>

<h2>How long will it last?</h2>

<p>Nobody in the industry is willing to predict when, or whether, the shorter route will regain its traffic. Carriers say they will return when costs and risks fall, but some have signed longer-term charters for the extra ships they need, which commits them to the longer route for at least a year. Ms Karlsen said the experience would leave a lasting mark. “Companies have learned that a single chokepoint can change their costs overnight,” she said. “Even when ships go back, many will keep a bigger buffer and a second plan.”</p>`,
  },
];
