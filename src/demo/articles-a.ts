import type { DemoArticle } from './types.js';

/** Demo articles, file A: Africa and Latin America desks. */
export const articlesA: DemoArticle[] = [
  {
    slug: 'dryland-farmers-dig-for-every-drop',
    kicker: 'Water',
    title: 'Dryland farmers dig for every drop as the rains grow less reliable',
    dek: 'On a degraded plateau, households are reviving planting pits and stone lines to catch short, heavy storms before the water runs off.',
    authors: ['amara-okafor'],
    regions: ['africa'],
    themes: ['agriculture', 'climate'],
    dossier: 'water-under-pressure',
    daysAgo: 1,
    hour: 7,
    image: {
      alt: 'Illustration: rows of small round pits across pale, cracked farmland under a hazy sky',
      caption: 'Planting pits dug during the dry season wait for the first rains on the Gourmadji plateau.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    newsletterPick: true,
    body: `<p>Before the first rains arrive on the Gourmadji plateau, the fields look pockmarked. Thousands of shallow pits, each about the width of a dinner plate, are dug in rows across ground that has been bare and crusted since the last harvest. Into each one, farmers tip a handful of manure and then wait for the sky.</p>
<p>The technique is old. Farmers in several Sahelian countries have used planting pits and low lines of stone for generations to slow runoff and hold moisture around the roots of millet and sorghum. What is new on the plateau is the scale. According to a survey by the district’s Soil Restoration Office, the area treated with pits or stone bunds has roughly tripled in five years, to about 4,200 hectares across 31 villages.</p>
<p>“The rain does not come the way it used to,” said Mariam Sawadogo-Kinda, who farms four hectares outside the village of Tindoula with her husband and two adult sons. “It comes late, it comes all at once, and then it stops for three weeks. If you don’t catch it on the first day, you don’t catch it at all.”</p>
<h2>Holding water where it falls</h2>
<p>Agronomists describe the plateau’s problem less as a lack of rain than as a failure to keep it. Hard-capped soils shed water quickly, carrying topsoil away with it. A planting pit breaks the crust and concentrates both water and nutrients in a small volume where a seedling can use them. Stone bunds, laid along the contour of a slope, slow the sheet of runoff so that more of it soaks in and silt settles behind the line instead of washing into the valley.</p>
<p>Field trials summarised in the office’s <a href="https://soil-office.example/plateau-bunds-survey-2026">2026 plateau survey</a> found average millet yields of 780 kilograms per hectare on treated plots, against 410 kilograms on neighbouring untreated ground, over three seasons. The gap was widest in the driest year. “In a good year the difference is modest,” said Ousmane Kaboré-Diallo, the office’s field coordinator. “In a bad year it is the difference between a harvest and no harvest.”</p>
<h2>The cost is labour</h2>
<p>The methods require almost no purchased inputs, but they are hard work. Digging pits across a single hectare takes one adult roughly 300 hours, most of it in the hottest months of the dry season. Stone must be collected, carried and set by hand, and the lines need repairing after every heavy storm. Households with fewer working members, or whose men have left for seasonal jobs in town, often cannot keep up.</p>
<p>Village savings groups have begun to fill part of that gap. In Tindoula, a group of 24 women pools labour on a rotating basis, digging one member’s plot each week from February to May. A cash-for-work programme run by a regional charity, the Plateau Livelihoods Trust, paid for about 60 kilometres of stone lines last year, although its funding is approved only one season at a time.</p>
<p>Land tenure is another constraint. Farmers who borrow fields are less willing to invest weeks of labour in land they may not keep, and some owners have reclaimed plots once they became productive again. Councils in two communes now record informal agreements that give borrowers at least five years of use on land they restore.</p>
<h2>Limits of the method</h2>
<p>Researchers caution that pits and bunds are not a cure for a drying climate. They cannot help when the rains fail entirely, and manure is increasingly scarce as herds shrink. A similar debate over how far local water-saving can stretch is under way among rice growers in Asia, who are <a href="/articles/rice-farmers-let-their-fields-dry">letting their paddies dry out between floodings</a>.</p>
<p>For now, the Soil Restoration Office plans to map every treated field on the plateau by the end of next year and to test whether young trees regenerating inside old pits can provide fodder and shade. Sawadogo-Kinda says her family will dig another half hectare this season. “My grandmother did this,” she said. “We stopped for a while. Now we are learning it again.”</p>`,
  },
  {
    slug: 'mobile-payments-reach-farm-cooperatives',
    kicker: 'Economy',
    title: 'Farm cooperatives swap envelopes of cash for mobile money',
    dek: 'A cashew growers’ union has stopped driving banknotes to remote buying stations, speeding up payments but leaving some members struggling to keep up.',
    authors: ['amara-okafor'],
    regions: ['africa'],
    themes: ['economy', 'technology'],
    daysAgo: 3,
    hour: 9,
    image: {
      alt: 'Illustration: sacks of cashew nuts beside a weighing scale and a glowing phone screen',
      caption: 'Cashew deliveries are now weighed, graded and paid for by phone at the union’s buying stations.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>For most of its 19 years, the Asuoso Cashew Farmers’ Union paid its members the same way. An accountant and two guards would drive a pickup full of banknotes from the regional bank to each of its 42 buying stations, count out cash against a handwritten ledger, and hope nothing went wrong on the road back. Since the start of this season, the union has paid all 6,800 of its members by mobile money instead.</p>
<p>The switch is part of a broader shift among farm cooperatives across West Africa, where mobile wallets have spread faster than bank branches in rural districts. For cooperatives, the appeal is partly security and partly speed. Under the cash system, a farmer delivering nuts at a remote station might wait two or three weeks to be paid while the union assembled enough notes. Now payment is sent once the consignment is weighed and graded, usually within two days.</p>
<p>“We used to lose members to roadside traders because they paid on the spot,” said Kwabena Ofori-Mensah, the union’s general manager. “Farmers need money when school fees are due, not when we finally have the cash. Paying fast is how we keep them.”</p>
<p>The union says side-selling, when members sell to outside traders instead of through the cooperative, fell by about a third in the first half of the season, although it acknowledges that higher world prices this year may also have played a part.</p>
<p>An internal review shared with the Ledger lists the main effects after six months:</p>
<ul>
<li>Average time from delivery to payment fell from 17 days to under two.</li>
<li>The union stopped spending about 38,000 dollars a year on cash transport and guards.</li>
<li>Disputes over weights and deductions fell, because each payment now arrives with a text message itemising grade, weight and any loan repayment.</li>
<li>About 11 per cent of members still collect cash from an agent because they have no phone line registered in their own name.</li>
</ul>
<p>That last figure worries some members. Registration rules require a national identity card, which many older farmers, and a disproportionate number of women, do not have. In some households the phone belongs to a husband or son, which means the payment for a woman’s harvest arrives on someone else’s device.</p>
<p>“Before, I held the money in my hand and I decided,” said Akosua Boateng, who grows cashew on two hectares near the buying station at Abrenkye Junction. “Now it goes to my son’s phone. He is a good son, but it is not the same.”</p>
<p>The union has started a registration drive with the local registry office and now lets members nominate a second wallet for part of their payment. A regional cooperative federation recommends that approach in its <a href="https://coop-federation.example/mobile-payments-review">review of mobile payments</a> across 14 member unions, which also warns that agent networks thin out quickly beyond paved roads.</p>
<h2>Fees and float</h2>
<p>Costs have not disappeared; they have moved. Cashing out a mobile payment at an agent typically costs between 1 and 2 per cent, and agents in remote villages sometimes run out of cash on market days, when dozens of farmers try to withdraw at once. The union negotiated a bulk rate with its provider that covers the transfer fee, but members still pay to withdraw.</p>
<p>Economists who study rural finance say the bigger prize may be what the payment record makes possible. A farmer with three years of documented sales has something a lender can assess. The union is piloting small input loans, repaid automatically from future harvest payments, with 400 members this year. Related questions of price, bargaining power and who captures the value are being tested by <a href="/articles/coffee-growers-test-a-price-floor">coffee growers negotiating a minimum price</a> in Latin America.</p>
<p>Ofori-Mensah says the union will not go back to cash. “The pickup is retired,” he said. “But we have learned that a payment system is only fair if everyone can use it. That part is not finished.”</p>`,
  },
  {
    slug: 'solar-fridges-keep-vaccines-cold',
    kicker: 'Health',
    title: 'Solar fridges keep vaccines cold where the grid never reached',
    dek: 'Rural health posts that once relied on cool boxes and kerosene units are running immunisation sessions on sunlight, with far fewer spoiled doses.',
    authors: ['amara-okafor'],
    regions: ['africa'],
    themes: ['health', 'energy'],
    daysAgo: 6,
    hour: 11,
    image: {
      alt: 'Illustration: a small clinic with two solar panels on a tin roof beneath a bright sun',
      caption: 'Panels on the roof of a rural health post power a refrigerator that stores the post’s vaccines.',
      credit: 'Illustration: Ledger design desk',
    },
    body: `<p>At the health post in Mbalanga, a one-room clinic two hours by motorbike from the nearest tarred road, the most important piece of equipment sits in a corner and hums quietly. The white chest refrigerator, powered by two solar panels on the tin roof, holds the post’s supply of measles, polio and other childhood vaccines at between 2 and 8 degrees Celsius, day and night, without a drop of fuel.</p>
<p>Three years ago the post had no working fridge at all. Nurses collected vaccines in a cool box from the district store on immunisation days and had to use or discard them by evening. Sessions were cancelled when the motorbike broke down or the road flooded.</p>
<p>“Now the mothers come when it suits them, not when the cool box arrives,” said Grace Achieng-Wafula, the nurse in charge. “We vaccinate on market day, on Sunday after church, whenever they come.”</p>
<h2>A quiet equipment shift</h2>
<p>Mbalanga is one of 64 health posts in Lower Kaburo district that have received solar direct-drive refrigerators since 2023, under a programme financed by the district health board and an international immunisation fund. Unlike earlier solar fridges, the newer models need no batteries, which were expensive, short-lived and often stolen. Instead, the panels freeze a bank of ice packs built into the unit during daylight, and the ice keeps the compartment cold overnight and through cloudy days.</p>
<p>The district’s <a href="https://kaburo-health.example/cold-chain-audit-2026">cold-chain audit</a> found that the share of health posts with working vaccine storage rose from 41 per cent to 93 per cent over three years. Recorded wastage from temperature exposure fell by roughly two-thirds, and the share of scheduled immunisation sessions that actually took place rose from about 70 per cent to 96 per cent.</p>
<p>Coverage figures are harder to attribute. Among children under one, completion of the basic schedule in the district rose from 74 per cent to 85 per cent over the same period, but health officials note that a community outreach programme and new motorbikes for vaccinators began at the same time.</p>
<blockquote><p>“A fridge does not vaccinate a child. A nurse does. But a nurse without a fridge is working with one hand tied behind her back.”</p></blockquote>
<p>That was the verdict of Dr Peter Mwangi-Otieno, the district’s immunisation coordinator, who says the biggest gain has been predictability. “When the vaccine is always there, the schedule becomes reliable, and reliability is what builds trust with families.”</p>
<h2>Maintenance is the test</h2>
<p>The harder question is what happens in five or ten years. Earlier generations of donated equipment in the region often failed within a few years because no one was trained or paid to fix it. Of the district’s older kerosene and gas units, fewer than half were working when the solar programme began.</p>
<p>This time the district has trained two technicians per sub-county and written maintenance into its annual budget, though the allocation of about 9,000 dollars a year covers routine repairs rather than replacements. Each fridge now carries a remote temperature logger that sends a text-message alert if the compartment drifts out of range, so faults are spotted within hours rather than at the next supervisory visit.</p>
<p>Panels also need cleaning, and at some posts they have been shaded by trees planted after installation. Joseph Kiprono, one of the technicians, said the most common fault he sees is not electrical. “Someone hangs washing over the panel, or a goat knocks the cable loose,” he said. “Simple things. But if nobody checks, the vaccines are lost.”</p>
<p>Health planners elsewhere are watching. Services that reach villages without permanent clinics face a similar storage problem, as our reporting on <a href="/articles/mobile-clinics-fill-rural-gaps">mobile clinics filling rural gaps</a> in Europe has shown. In Lower Kaburo, the next step is to add a small second panel at each post to power lights and a phone charger, so that night-time births no longer take place by torchlight.</p>`,
  },
  {
    slug: 'a-city-lets-residents-write-its-budget',
    kicker: 'Local democracy',
    title: 'A city lets its residents write part of its budget',
    dek: 'In Kessaoua, neighbourhood assemblies now decide how a slice of the capital budget is spent, and the first projects are appearing on the ground.',
    authors: ['amara-okafor', 'samira-haddad'],
    regions: ['africa'],
    themes: ['governance'],
    daysAgo: 9,
    hour: 14,
    image: {
      alt: 'Illustration: rows of chairs in a school courtyard with raised coloured voting cards',
      caption: 'Residents vote with coloured cards at a ward assembly in the Plateau-Est neighbourhood.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>In a school courtyard in the Plateau-Est neighbourhood of Kessaoua, about 200 residents sat on plastic chairs last month and voted, with coloured cards, on how to spend money that until recently would have been allocated by a handful of officials at city hall. The winning proposal, a covered drainage channel along a street that floods every rainy season, beat a new market shed by 31 votes.</p>
<p>Kessaoua, a city of about 310,000 people, is in the third year of a participatory budgeting experiment that sets aside 12 per cent of its annual capital budget, about 2.6 million dollars this year, for projects proposed and chosen by residents. Participatory budgeting began in Latin America decades ago and has since been tried by hundreds of municipalities around the world, with mixed results. Kessaoua’s version is being watched closely by other mid-sized cities in the region.</p>
<h2>How the process works</h2>
<p>The city’s rules, published on its <a href="https://kessaoua-city.example/participatory-budget-2026">participatory budget portal</a>, divide the year into stages:</p>
<ul>
<li>Open assemblies in each of the city’s 14 wards collect proposals between January and March.</li>
<li>City engineers check each proposal for cost and feasibility and publish their assessment.</li>
<li>Residents aged 16 and over vote, in person or by text message, on a shortlist for their ward.</li>
<li>Elected ward delegates monitor construction and report back at a closing assembly.</li>
</ul>
<p>Turnout has grown each year, from about 9,000 votes in the first cycle to 23,500 in the latest, roughly one in ten eligible residents. Text-message voting, added in the second year, accounts for just over half.</p>
<p>“People used to say, ‘City hall never comes here,’” said Fatoumata Keïta-Asante, a market trader and ward delegate for Plateau-Est. “Now they come to the assembly with a measuring tape and a list. They know what a culvert costs.”</p>
<h2>Results and frictions</h2>
<p>Of the 58 projects chosen in the first two cycles, 41 have been completed, nine are under construction and eight have stalled, mostly because of disputes over land or contractors who underbid. Drainage, street lighting and school latrines have dominated the winners; larger items such as roads are still decided through the regular budget.</p>
<p>Some councillors were initially wary of a process that bypassed their traditional role in steering projects to their wards. Deputy mayor Ibrahim Sow-Mensah, who oversees the scheme, said the city addressed that by giving councillors a formal seat in ward assemblies, without a vote. “It did not remove politics,” he said. “It moved politics into the open, where people can see it.”</p>
<p>Researchers at a local university who surveyed 1,200 residents found that participants were more likely than non-participants to say they trusted the municipal government, but also that young men and renters were under-represented at assemblies. Women made up 46 per cent of in-person participants, a figure the city attributes to holding meetings on weekend mornings, close to markets.</p>
<p>Before launching the scheme, Kessaoua officials studied a similar programme in a North African port city, where participatory budgeting lost momentum after a new administration cut its funding by two-thirds. Kessaoua has since written its 12 per cent allocation into a municipal by-law, which a future council could amend but not simply ignore.</p>
<h2>What comes next</h2>
<p>The city plans to extend the process to part of its recurrent budget next year, letting residents set priorities for street cleaning and maintenance. Questions of turnout and who takes part are not unique to budgeting; towns in North America are experimenting with <a href="/articles/towns-try-to-lift-local-turnout">moving election dates to lift local turnout</a>.</p>
<p>Back in Plateau-Est, the drainage contract has been signed and digging is due to start before the rains. “If it floods this year, they will hear about it at the next assembly,” Keïta-Asante said. “That is the point.”</p>`,
  },
  {
    slug: 'shore-power-comes-to-a-busy-port',
    kicker: 'Ports',
    title: 'Shore power comes to a busy African container port',
    dek: 'Ships at Kalundi’s container terminal are plugging into the grid at berth and switching off their diesel generators, though only a fraction of vessels can connect so far.',
    authors: ['rosa-almeida'],
    regions: ['africa'],
    themes: ['energy', 'economy'],
    dossier: 'the-grid-rewired',
    source: { slug: 'harbour-line-review', originalUrl: 'https://harbourline.example/2026/shore-power-busy-port' },
    daysAgo: 4,
    hour: 8,
    image: {
      alt: 'Illustration: a container ship at a quay with a thick cable running from a shoreside reel to its hull',
      caption: 'A feeder vessel draws power from a quayside connection at Berth 4 of the Kalundi container terminal.',
      credit: 'Illustration: Harbour Line Review',
    },
    body: `<p>When the feeder vessel <em>Sable Crest</em> tied up at Berth 4 of the Kalundi container terminal on a recent Tuesday, its crew did something no ship had done at the port before this year. They lowered a heavy cable from a quayside reel, locked it into a socket on the ship, and switched off the auxiliary diesel engines. For the next 31 hours, the vessel’s lights, pumps and refrigerated containers ran on electricity from the shore.</p>
<p>Kalundi is among the first ports on the continent to offer shore power, sometimes called cold ironing, at a commercial container berth. The Kalundi Ports Authority commissioned two high-voltage connection points in January and plans four more by 2028, at a total cost it puts at about 46 million dollars, partly financed by a concessional loan from a regional development bank.</p>
<h2>Why berths matter</h2>
<p>A ship at berth still needs power. On most vessels it comes from auxiliary engines burning marine diesel or heavier fuel, which release sulphur oxides, nitrogen oxides and fine particles right next to the city. In Kalundi, the container terminal sits less than a kilometre from the dense neighbourhoods of Old Quay and Mwambao, where residents have long complained of soot on washing and roofs.</p>
<p>The authority’s <a href="https://kalundi-ports.example/shore-power-first-quarter">first-quarter monitoring report</a> estimates that each connected call avoids burning between 8 and 20 tonnes of fuel, depending on the size of the vessel and the length of its stay. Air-quality sensors on the port fence recorded a 14 per cent fall in average fine-particle levels during hours when ships were plugged in, though the authority cautions that three months of data are not enough to separate the effect from the weather.</p>
<p>“We are not going to pretend two sockets clean the air of a whole city,” said Neema Rashidi-Kombo, the authority’s head of environment. “But the berths nearest the houses are the ones we chose first, and people in Old Quay notice when the engines are off.”</p>
<h2>The plug problem</h2>
<p>The bottleneck is on the ships. Of roughly 1,150 vessel calls at the container terminal last year, the authority estimates that fewer than one in eight were made by ships already fitted with shore-power equipment. Retrofitting a container ship typically costs between 1 and 2 million dollars, and owners serving routes with few equipped ports have little reason to pay.</p>
<p>Lines that call at Kalundi on services to Europe, where major ports are increasingly expected to offer shore power, are more likely to have the equipment. Operators of smaller regional feeders, which make up much of Kalundi’s traffic, are not. Shipping agents in the port say the authority’s 20 per cent discount on berth dues for connected calls is welcome but comes nowhere near covering a retrofit. Longer routings on the same trades, covered in our report on <a href="/articles/container-ships-take-the-long-way">ships taking the long way</a>, have also squeezed owners’ budgets.</p>
<h2>Where the power comes from</h2>
<p>There is also the question of what sits at the other end of the cable. The national grid still relies heavily on gas and some oil-fired generation, and supply to the port was interrupted twice in the first quarter. The authority has signed an agreement with an independent producer for a 30-megawatt solar plant with battery storage on reclaimed land behind the terminal, which it says would cover most shore-power demand during daylight. Grid operators elsewhere are turning to storage for similar reasons, as <a href="/articles/batteries-take-the-winter-peak">battery projects built for the winter peak</a> in Europe illustrate.</p>
<p>Terminal operators and the port workers’ union have raised practical concerns too. Connecting and disconnecting adds time to each call, and linesmen needed new training in high-voltage safety. The average connection time has fallen from about 90 minutes in January to 40 minutes now, and the authority aims to bring it under half an hour.</p>
<p>For the <em>Sable Crest</em>’s chief engineer, Rui Mendes Costa, the advantage on board was simple. “A quiet engine room, and no maintenance hours on the generators while we are alongside,” he said. “If every port on the route had this, nobody would want to go back.”</p>`,
  },
  {
    slug: 'coffee-growers-test-a-price-floor',
    kicker: 'Commodities',
    title: 'Coffee growers test a price floor with their buyers',
    dek: 'A highland cooperative has persuaded three roasters to guarantee a minimum price for its beans, an experiment in sharing the risk of volatile markets.',
    authors: ['lucas-ferreira'],
    regions: ['latin-america'],
    themes: ['economy', 'agriculture'],
    daysAgo: 2,
    hour: 10,
    image: {
      alt: 'Illustration: coffee cherries drying on raised beds on a green mountainside',
      caption: 'Coffee dries on raised beds above La Cumbrera, where the Alto Verde cooperative is based.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    newsletterPick: true,
    body: `<p>For the 1,100 families of the Alto Verde Coffee Cooperative, the price of their harvest has long been set thousands of kilometres away, on trading screens most of them have never seen. This season, for the first time, part of that harvest will be sold with a floor beneath it. Three specialty roasters have signed three-year contracts agreeing to pay the cooperative no less than a fixed minimum per pound of green coffee, however low the international benchmark falls.</p>
<p>The agreement, covering about 40 per cent of the cooperative’s expected output, sets the floor at 2.10 dollars per pound, plus a quality premium that rises with cupping scores. When the market is above the floor, buyers pay the market price plus the same premium. The cooperative, based in the mountain town of La Cumbrera, says the floor sits just above its members’ average cost of production, which it calculates at 1.85 to 2.00 dollars per pound.</p>
<h2>Why a floor</h2>
<p>Coffee prices swing sharply. Over the past decade the benchmark for arabica has at times fallen well below what many smallholders spend to grow and process it, then more than doubled within a couple of years. Farmers who sell at the bottom of the cycle often cut back on fertiliser and pruning, which lowers quality and yields for years afterwards.</p>
<p>“When the price collapses, the young people leave first,” said Rosalía Quispe Mendoza, who manages the cooperative’s sales. “They go to the city or abroad, and the farms are left to the old people. A floor is not about getting rich. It is about being able to plan.”</p>
<p>The idea is not new. Certification schemes have long set minimum prices, but the cooperative says the cost of certification and the limited volume sold on those terms meant the benefit reached only a small share of its coffee. The new contracts were negotiated directly, with the cooperative’s own figures, published in its <a href="https://altoverde-coop.example/cost-of-production-2026">cost-of-production study</a>, as the starting point.</p>
<blockquote><p>“We showed them our books: labour, fertiliser, drying, transport. It is harder to argue about a price when both sides are looking at the same numbers.”</p></blockquote>
<p>That was how Quispe Mendoza described the negotiations, which took most of a year.</p>
<h2>The buyers’ calculation</h2>
<p>For the roasters, the floor is a bet on supply. Specialty buyers depend on consistent quality from particular origins, and losing a supplier can take years to make good. “We’re paying for a cooperative that still exists in five years,” said Héctor Villaseñor, purchasing director at one of the roasters, a mid-sized firm that sells mostly to cafés. “If prices stay high, the floor costs us nothing. If they fall, we absorb some of the pain, but we keep the relationship.”</p>
<p>Not every buyer agreed. Two larger traders that purchase most of the cooperative’s remaining coffee declined to sign, arguing that fixed floors make it harder to hedge their positions on futures markets. The cooperative will continue to sell that share at market prices.</p>
<p>Julia Barreto, an agricultural economist who studies commodity contracts at a university in the region, said the model could work for cooperatives with strong quality and direct relationships but was unlikely to spread to bulk coffee. “The roaster has to value something it can’t easily buy elsewhere,” she said. “That’s true for a washed, high-altitude lot with a known origin. It’s much less true for the average sack.”</p>
<h2>Payment and trust</h2>
<p>Inside the cooperative, the question is how the floor reaches individual farmers. Members will receive an advance on delivery and a second payment once the export contract settles, as they do now, with the difference that the advance will be calculated from the floor rather than the day’s market price. Cooperatives in West Africa are tackling a related problem, the speed and transparency of payments, by <a href="/articles/mobile-payments-reach-farm-cooperatives">paying their members by mobile money</a>.</p>
<p>The first shipments under the new contracts leave in the coming weeks. Whether the experiment holds will probably be tested only when prices next fall, and both sides say that is precisely why they signed for three years.</p>`,
  },
  {
    slug: 'andean-city-plans-for-less-glacier-water',
    kicker: 'Water',
    title: 'An Andean city plans for a future with less glacier water',
    dek: 'As the ice that feeds its river shrinks, Quilcapampa’s water utility is building storage, fixing leaks and paying upstream herders to restore wetlands.',
    authors: ['lucas-ferreira'],
    regions: ['latin-america'],
    themes: ['climate'],
    dossier: 'water-under-pressure',
    daysAgo: 5,
    hour: 16,
    image: {
      alt: 'Illustration: a shrinking white glacier above a valley city and a winding river',
      caption: 'Meltwater from a retreating glacier feeds the river that supplies Quilcapampa in the dry season.',
      credit: 'Illustration: Ledger design desk',
    },
    body: `<p>From the roof of the treatment plant above Quilcapampa, the engineers can see what they are planning for. The glacier on Nevado Huarancca, which sends meltwater down the Chaclla river into the city’s intakes, has retreated more than a kilometre up the mountain since the plant was built. What remains is a grey-white patch that shrinks a little further every dry season.</p>
<p>Quilcapampa, a highland city of about 480,000 people, draws roughly a third of its water in the dry months from glacier melt, according to the municipal utility, the Quilcapampa Water and Sanitation Company. In the wet season the share is small; rain and springs provide most of the supply. But from June to October, when little rain falls, the ice acts as a slow-release reservoir. As it disappears, that buffer goes with it.</p>
<p>“People imagine the taps will suddenly run dry one day. It won’t be like that,” said Elena Mamani Rojas, the utility’s planning director. “It’s a slow squeeze. Every year the dry season gets a little harder, and every year we have less room for error.”</p>
<h2>A plan measured in decades</h2>
<p>The utility’s <a href="https://quilcapampa-water.example/plan-2045">long-term water security plan</a>, approved by the city council in March, sets out spending of about 310 million dollars over 20 years. Its main elements are:</p>
<ul>
<li>Two new reservoirs in upper valleys, to capture wet-season flows for release in the dry months.</li>
<li>A programme to cut losses from leaking pipes and illegal connections, now about 42 per cent of treated water, to below 25 per cent.</li>
<li>Payments to herding communities upstream to protect and restore high-altitude wetlands, which store water like sponges.</li>
<li>Tiered tariffs that keep basic household consumption cheap but charge more for heavy use.</li>
</ul>
<p>Of these, the leak programme is expected to deliver the most water soonest and at the lowest cost. Engineers estimate that reaching the loss target would free up more water each year than the first new reservoir would store.</p>
<h2>Paying the highlands</h2>
<p>The most unusual part of the plan lies upstream. Above 4,000 metres, the Chaclla basin is dotted with <em>bofedales</em>, cushion-plant wetlands that soak up rain and meltwater and release it slowly. Many have been degraded by overgrazing and by drainage ditches dug to extend pasture.</p>
<p>Under an agreement signed last year, the utility adds a small surcharge to every water bill, about 1 per cent, and channels the money through a trust fund to three herding communities. In return, they rest selected pastures, block old drainage ditches and rebuild stone channels that spread water across the wetlands. The fund paid out about 640,000 dollars in its first year.</p>
<p>“We are the ones who live next to the ice. We saw it going before anyone in the city did,” said Teodoro Huamán Ccori, president of the community of Pampacancha. “If the city pays to care for the water up here, that is fair. But the money must come every year, not once.”</p>
<p>Hydrologists say the benefits of wetland restoration are real but hard to measure across a whole basin. A network of 18 flow gauges installed by a university team will track the results for at least a decade.</p>
<h2>Hard choices ahead</h2>
<p>Some tensions are already visible. Farmers in the valley below the city, who take irrigation water from the same river, worry that new reservoirs will favour urban users, and their associations have asked for a seat on the trust fund’s board. Disputes over allocation in dry years are becoming more common in many places, as a <a href="/articles/a-court-weighs-water-in-a-dry-year">court case over river water in North America</a> shows.</p>
<p>Mamani Rojas says the utility will not wait for certainty. “Even if the glacier held on longer than the models say, every one of these projects would still make sense,” she said. “That is how we decided what to build first.”</p>`,
  },
  {
    slug: 'remittances-rebuild-a-small-town',
    kicker: 'Migration',
    title: 'Remittances rebuild a small town, one house at a time',
    dek: 'In Santa Rita del Llano, money sent home by emigrants has paid for new homes, shops and workshops, but the town’s young people keep leaving.',
    authors: ['lucas-ferreira'],
    regions: ['latin-america'],
    themes: ['migration', 'economy'],
    daysAgo: 8,
    hour: 13,
    image: {
      alt: 'Illustration: a street of low adobe houses beside a half-built concrete house with steel rods on its roof',
      caption: 'New concrete homes rise between older adobe houses on a street in Santa Rita del Llano.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>Drive into Santa Rita del Llano from the highway and the first thing you notice is the houses. Between older adobe homes with tiled roofs stand two- and three-storey buildings in concrete and painted plaster, some with balconies, many with steel rods still poking from the roof, waiting for the next floor. Locals call them remittance houses, built a wall at a time as money arrives from relatives working abroad.</p>
<p>Santa Rita, a farming town of about 14,000 people in the Central American highlands, is one of many communities in the region where money sent home by emigrants now outweighs most other sources of income. A household survey by a regional research centre, the Observatory on Migration and Development, found that 58 per cent of families in the municipality receive money from at least one relative abroad, with a median transfer of about 310 dollars a month.</p>
<p>“Everything you see on this street was built with money from outside,” said Marta Lucía Chávez, who runs a hardware store on the main square. Her own business began with 4,000 dollars sent by a brother who works in construction abroad. “When the transfers arrive, people buy cement. When they stop, the building stops.”</p>
<h2>Beyond bricks</h2>
<p>Most remittance money goes on daily needs: food, school fees, medicine and utility bills. But the observatory’s <a href="https://migration-observatory.example/santa-rita-survey">town survey</a> shows a growing share going into longer-term uses. Among households that receive transfers, it found that:</p>
<ul>
<li>71 per cent had spent part of the money building or improving a home in the past five years.</li>
<li>23 per cent had used it to start or expand a business, most often a shop, a transport service or a workshop.</li>
<li>15 per cent had bought land or livestock.</li>
<li>Only 9 per cent held savings in a bank or credit union.</li>
</ul>
<p>The town’s credit union, the San Rafael Savings Cooperative, has tried to channel more of that money into savings and loans. It offers emigrants accounts they can pay into from abroad, with loans to relatives at home secured against those deposits. Membership has doubled in six years, to about 5,600.</p>
<p>“The money is already coming. The question is whether it stays in the town or passes straight through to a supermarket in the city,” said the credit union’s manager, Wilfredo Orellana Paz. “We want some of it to build something that lasts.”</p>
<h2>The cost of leaving</h2>
<p>The prosperity is uneven, and it comes at a price. Families without relatives abroad have watched land prices and rents rise as remittance-funded demand pushes them up. Local farms struggle to find workers at harvest time. The primary school has lost a third of its pupils in a decade, partly because young families have moved away.</p>
<p>Celestina Herrera, 67, is raising two grandchildren whose parents left eight years ago. Her daughter sends money every month and calls every Sunday. “The house is beautiful,” she said, pointing to the new upper floor. “But it is empty most of the year. We built it for people who are not here.”</p>
<p>Economists who study remittances say the flows act as a kind of private social insurance, often rising when families at home face drought or illness. But they caution that remittance-dependent towns are exposed to economic conditions abroad and to changes in migration rules, either of which can cut the flows quickly. The journeys and trade that link such towns to the north are the subject of our report on <a href="/articles/the-border-corridor-that-never-sleeps">a border corridor that never sleeps</a>.</p>
<p>The municipality has begun to think about what comes next. The town council has proposed a matching scheme under which it would add one dollar for every three contributed by emigrant associations towards public projects such as a water tank or a clinic. A pilot is due to begin next year, if the council can find its share of the money.</p>
<p>At the hardware store, Chávez is cautiously optimistic. “Santa Rita has always been a town of people who leave,” she said. “What is new is that some of them are starting to come back, and they bring ideas as well as money.”</p>`,
  },
  {
    slug: 'lithium-brine-and-the-salt-flat-farmers',
    kicker: 'Field report',
    title: 'Lithium brine and the salt-flat farmers who share its water',
    dek: 'As lithium output rises at the Salar de Pocoyo, herders and quinoa growers around its edge want a say in how much water the evaporation ponds take.',
    authors: ['rosa-almeida'],
    regions: ['latin-america'],
    themes: ['energy', 'climate'],
    source: { slug: 'harbour-line-review', originalUrl: 'https://harbourline.example/2026/lithium-brine-salt-flat' },
    daysAgo: 11,
    hour: 18,
    image: {
      alt: 'Illustration: turquoise evaporation ponds on a white salt flat with mountains and grazing llamas beyond',
      caption: 'Evaporation ponds on the Salar de Pocoyo, with pasture used by herding communities along its edge.',
      credit: 'Illustration: Harbour Line Review',
    },
    body: `<p>At the Pacific port of Puerto Altamar, white bulk bags of lithium carbonate stacked in a bonded warehouse wait for the next container ship to East Asia. Shipments through the port have more than tripled in four years, according to port statistics, making the chemical one of its fastest-growing exports. The bags began their journey 400 kilometres inland and 3,600 metres higher, on the Salar de Pocoyo, where the question is not how many tonnes can be shipped but how much water the salt flat can spare.</p>
<p>Lithium at Pocoyo is produced by pumping mineral-rich brine from beneath the salt crust into vast, shallow ponds, where the sun evaporates most of the water over 12 to 18 months. The remaining concentrate is trucked to a processing plant near the coast. The operator, the Altiplano Minerals Consortium, holds a permit to extract up to 1,400 litres of brine per second and also draws fresh water from wells at the salt flat’s edge for processing and its camp.</p>
<h2>Who else uses the water</h2>
<p>Around the salar live about 2,300 people in nine small communities, most of them herders of llamas and sheep and growers of quinoa and potatoes. Their pastures depend on springs and wetlands around the margin of the salt flat, fed by the same groundwater system that lies above and alongside the brine.</p>
<p>Community leaders say some springs have weakened over the past decade. “The meadows where my grandfather grazed animals in the dry season are smaller now,” said Lidia Condori Mamani, president of the community of Yareta Pampa. “The company says it is the climate. Maybe it is both. We want to know.”</p>
<p>Hydrogeologists say the answer is genuinely difficult. Brine and fresh water in salt-flat basins interact in complex ways, and the effects of pumping can take years to appear at the surface. Drier years and shifting rainfall add a second signal that is hard to separate from the first.</p>
<blockquote><p>“Everyone wants a simple number: this much pumping causes that much drop in a spring. The basin doesn’t give you that. What it can give you, with enough monitoring, is an early warning.”</p></blockquote>
<p>That assessment came from Ramiro Salinas, a hydrogeologist on the technical committee of the Pocoyo Basin Water Board, a body created two years ago by the regional government with seats for the consortium, the communities and state agencies.</p>
<h2>Monitoring and a say</h2>
<p>The board’s first task has been to build a shared monitoring network. There are now 46 observation wells and 12 gauged springs around the salar, with readings published monthly on the <a href="https://pocoyo-water-board.example/monitoring">board’s public data page</a>. Communities pushed for two of their own members to be trained as monitors, and they now take readings alongside the consortium’s technicians.</p>
<p>The consortium says it has cut freshwater use per tonne of lithium carbonate by about 30 per cent in five years and is testing a direct-extraction process that would return most of the brine underground after the lithium is removed. “We understand that our ability to operate depends on the trust of our neighbours,” a spokesperson said in a written statement, adding that results from the pilot plant would be shared with the water board next year.</p>
<p>Community representatives want more than data. They have asked for pumping limits tied to triggers in the monitoring network, so that extraction is reduced automatically if key springs fall below agreed levels, and for part of the royalties to fund irrigation and pasture projects. The regional government is reviewing the proposal.</p>
<h2>From salar to shipping lane</h2>
<p>For Puerto Altamar, the lithium trade has brought new warehouse investment and steady cargo. Port officials say about a fifth of the port’s container exports by value now come from the salar. Shipping agents note that buyers are increasingly asking for documentation on water use and community agreements before signing long-term contracts, a trend that could make the water board’s work matter commercially as well as locally.</p>
<p>Water in the high Andes is under pressure from several directions at once; in a highland city further north, planners are preparing for <a href="/articles/andean-city-plans-for-less-glacier-water">a future with less glacier water</a>. At Pocoyo, Condori Mamani says her community will keep taking its readings. “Before, we only had our memory,” she said. “Now we have numbers too. Both are important.”</p>`,
  },
  {
    slug: 'procurement-data-goes-public',
    kicker: 'Transparency',
    title: 'A province puts every public contract online as open data',
    dek: 'Valle Alto now publishes each tender, bid and payment in a searchable format, and journalists, auditors and rival suppliers are already putting it to use.',
    authors: ['lucas-ferreira'],
    regions: ['latin-america'],
    themes: ['technology', 'governance'],
    daysAgo: 13,
    hour: 12,
    image: {
      alt: 'Illustration: stacks of paper contracts turning into a grid of glowing data cells',
      caption: 'Contracts that once sat in filing cabinets are now published as a single searchable dataset.',
      credit: 'Illustration: Ledger design desk',
    },
    body: `<p>Every contract signed by the provincial government of Valle Alto, from school meals to a 90-million-dollar hospital wing, is now published online within 48 hours, together with the tender documents, the list of bidders, the winning price and every later amendment and payment. The province’s Public Purchasing Directorate completed the switch in January after three years of work, joining a small number of subnational governments in the region that publish procurement data in full.</p>
<p>Public procurement accounts for roughly a third of the province’s spending, about 2.3 billion dollars a year. It is also, as auditors everywhere acknowledge, the part of government most exposed to waste, favouritism and corruption.</p>
<p>“If you want to know whether the state is spending well, you follow the contracts,” said Patricia Lozano Ibáñez, the directorate’s head. “For years that information existed, but it was in scanned files, in filing cabinets, in ten different systems. Now it is in one place, in a format anyone can download.”</p>
<h2>What is published</h2>
<p>The data follow a widely used international standard for contracting information, which structures each purchase as a chain of stages, from planning through tender, award and contract to implementation. Each record carries a unique identifier, so a user can trace a road project from its first budget line to its final payment. The full dataset, updated daily, is available on the <a href="https://compras-valle-alto.example/open-data">province’s open data portal</a>.</p>
<p>Officials say the most important design decision was to publish structured data, not just documents. “A scanned contract tells you about one purchase,” said Matías Quiroga, the data engineer who led the technical work. “A structured dataset lets you ask questions about all of them at once: who wins most often, how often prices change after signing, which departments rely on direct awards.”</p>
<h2>Early findings</h2>
<p>Those questions are already being asked. Within weeks of launch, a local investigative outlet used the data to show that 17 per cent of the health department’s contracts last year were awarded without competitive tender, compared with 6 per cent across the rest of the government. The department said most were emergency purchases of medicines and has since published its justifications.</p>
<p>The directorate’s own analysis found that tenders attracting a single bid cost on average 11 per cent more per unit than comparable tenders with three or more bidders. It has begun contacting potential suppliers in sectors with little competition, and single-bid tenders fell from 29 per cent to 22 per cent of the total in the first quarter.</p>
<p>Smaller businesses are using the portal too. Carolina Benítez, who runs a firm supplying school furniture, said she now checks past award prices before bidding. “Before, only the companies with friends in the ministry knew what the province paid,” she said. “Now I can see it the same as anyone.”</p>
<h2>Limits and next steps</h2>
<p>Transparency groups welcome the reform but point to its limits. Publishing data does not by itself stop collusion, and the portal does not yet reveal the beneficial owners of companies, the people who ultimately control them, which makes it harder to spot connected firms bidding against each other. Municipal governments in the province, which together spend about a quarter as much again, are not covered.</p>
<p>The provincial audit office has started using the dataset to choose contracts for detailed review, but says it needs more staff with data skills to make full use of it. The directorate plans to add company ownership data next year, subject to a change to the commercial registry law that is now before the provincial legislature.</p>
<p>Governments elsewhere are applying similar thinking to other kinds of public decision-making; one province in North America has begun publishing <a href="/articles/a-public-register-for-government-algorithms">a register of the algorithms it uses</a>. In Valle Alto, Lozano Ibáñez says the real test will be durability. “A portal is easy to launch and easy to neglect,” she said. “The measure is whether it is still updated every day in ten years.”</p>`,
  },
  {
    slug: 'local-language-radio-finds-new-listeners',
    kicker: 'Culture',
    title: 'Local-language radio finds new listeners, on air and online',
    dek: 'Community stations broadcasting in languages rarely heard on national media are drawing younger audiences through phone-ins, messaging apps and streaming.',
    authors: ['amara-okafor'],
    regions: ['africa'],
    themes: ['culture'],
    daysAgo: 15,
    hour: 19,
    image: {
      alt: 'Illustration: a small radio studio with a microphone, headphones and sound waves drifting over green hills',
      caption: 'A morning show goes out from the Radio Nyanzu studio to villages across the surrounding hills.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>Every weekday at six in the morning, the presenters of Radio Nyanzu FM switch on the microphones in a cramped studio above a pharmacy and begin speaking in a language that, until the station was founded 14 years ago, had never been broadcast at all. Their audience, spread across about 120 villages in the surrounding hills, speaks it at home, at market and in church, but rarely hears it on national radio or television, which broadcast mostly in the official language and a handful of larger regional ones.</p>
<p>Radio Nyanzu is one of a growing number of community stations across West Africa that broadcast in languages with relatively few speakers. A regional association of community broadcasters counts 212 member stations, up from about 140 a decade ago, and says more than half now broadcast mainly in languages not used by national media.</p>
<p>“When people hear their own language on the radio, they sit differently,” said Comfort Agbeko, the station’s manager. “They feel the station belongs to them. They call in, they correct our pronunciation, they tell us when we are wrong.”</p>
<h2>From the village to the phone</h2>
<p>What has surprised station managers is the age of their new listeners. A <a href="https://community-radio-network.example/listener-survey-2026">listener survey</a> by the broadcasters’ association across 30 stations found that the share of listeners aged 18 to 30 rose from 22 per cent to 35 per cent over five years. Much of that growth comes through phones: stations stream online, post clips of popular segments on messaging apps, and take calls and voice notes from listeners who have moved to cities or abroad.</p>
<p>At Radio Nyanzu, the most popular programme is a Saturday evening phone-in on family life and relationships, followed closely by a daily bulletin of prices from three nearby markets. Voice notes from listeners working in the capital and elsewhere in the region are played on a Sunday programme the presenters call “news from the road”.</p>
<p>“My children are growing up in the city speaking other languages,” said Yaw Dzokoto, a mechanic who moved away 12 years ago and streams the station on his phone at work. “When they hear the Sunday programme, they ask me what the words mean. That is how they are learning.”</p>
<p>Linguists say such stations can help keep languages in everyday use, particularly by building vocabulary for new subjects. Presenters at several stations describe coining or reviving words for ideas such as vaccination, mobile money and climate change, with listeners debating the results on air.</p>
<blockquote><p>“A language survives when people use it for everything, including the things that are new. Radio is one of the few places where that happens in public, every day.”</p></blockquote>
<p>That is the view of Esi Mensah-Larbi, a linguist at a regional university who studies broadcasting in minority languages and has archived more than 3,000 hours of community radio recordings. Efforts to preserve a region’s record in other forms are under way elsewhere, as a <a href="/articles/a-regional-library-scans-its-past">regional library digitising its old newspapers</a> shows.</p>
<h2>Keeping the station on air</h2>
<p>Money remains the stations’ constant worry. Most survive on a mix of small advertisements from local businesses, paid announcements for funerals and weddings, and occasional project grants from agencies that want messages broadcast on health or farming. Radio Nyanzu’s annual budget is about 18,000 dollars; five of its eight presenters receive modest stipends, and three are volunteers.</p>
<p>Electricity and equipment are further pressures. The station’s transmitter failed twice last year, taking it off air for a total of five weeks. A small solar installation now keeps the studio running during power cuts, though not the transmitter, which needs more power than the panels can supply.</p>
<p>Regulation raises questions too. Community licences in several countries limit transmitter power and restrict political content, rules that station managers say are sometimes applied unevenly. The association is asking for licence fees to be waived for non-profit stations.</p>
<p>Back in the studio above the pharmacy, the morning show is taking calls about a broken borehole in one of the villages. The district water officer has promised to phone in tomorrow. “That is what we are for,” Agbeko said. “The big stations tell people what happened in the capital. We tell people what happened on their road.”</p>`,
  },
];
