import type { DemoArticle } from './types.js';

export const articlesB: DemoArticle[] = [
  {
    slug: 'delivery-riders-question-the-algorithm',
    kicker: 'Work',
    title: 'Delivery riders ask how the app decides what they earn',
    dek: 'In a South-East Asian port city, riders for a fast-growing delivery platform have logged 61,000 orders to test how their pay is calculated.',
    authors: ['mei-lin-tan'],
    regions: ['asia-pacific'],
    themes: ['technology', 'economy'],
    daysAgo: 1,
    hour: 7,
    image: {
      alt: 'Illustration: scooters and glowing map lines converging on a city street at dusk',
      caption: 'Riders wait for orders outside a food court in the port city of Selandra.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    newsletterPick: true,
    body: `<p>For most of last year, Rizal Darmadi assumed the fare on his screen was simply what a delivery was worth. Then his earnings for a typical ten-hour shift on the Hoplane app fell by nearly a fifth over three months, while the number of orders he completed stayed almost the same. “Nothing in the app told me why,” he said, sitting on his scooter outside a food court in the port city of Selandra. “So we started writing everything down.”</p>

<p>Darmadi is one of about 340 riders who have spent the past five months logging every job they accept: the pickup and drop-off points, the distance the app displays, the distance they actually ride, the waiting time at restaurants and the pay they receive. The result, compiled by a volunteer group called the Selandra Riders Collective and published this week as a <a href="https://selandra-riders.example/pay-audit-2026">45-page pay audit</a>, is one of the most detailed attempts so far by gig workers in the region to work out how a platform sets their income.</p>

<h2>What the logs show</h2>

<p>The collective’s dataset covers just over 61,000 deliveries. Its authors are careful to say it is not a random sample, since riders chose to join, but several patterns stand out:</p>

<ul>
<li>Base pay per kilometre fell from an average of 1.9 to 1.6 local currency units between January and April, with no announcement to riders.</li>
<li>The distance shown in the app was shorter than the distance ridden in about 38 percent of trips, typically because the routing ignored one-way streets and closed bridges.</li>
<li>Waiting time at restaurants, which averaged eleven minutes during lunch peaks, was unpaid in every case logged.</li>
<li>Incentive bonuses for completing a set number of orders were reached by fewer than one rider in ten during the study period.</li>
</ul>

<p>“The numbers are not proof of bad intent,” said Nadia Ferhan, a labour economist at Selandra Polytechnic who helped the riders design their spreadsheets. “But they show that pay is being adjusted in ways the people doing the work cannot see or predict. If your income changes every week and you cannot find out why, it is very hard to plan a household budget.”</p>

<h2>The company’s view</h2>

<p>Hoplane, which says it works with about 22,000 riders in the city, disputed parts of the audit. In a written statement, the company said its pricing “responds dynamically to demand, weather and traffic” and that average hourly earnings for active riders had risen over the past year once tips and peak-hour multipliers were included. It said the routing problems identified by riders had been reported to its mapping team and that a fix for bridge closures was being tested.</p>

<p>The company did not answer questions about the change to per-kilometre rates. A spokesperson, Wen Lai, said Hoplane publishes “a clear breakdown of every fare” in the rider app. Riders interviewed for this article said the breakdown lists the total and any bonus but not how the base figure was calculated.</p>

<p>The dispute echoes debates in other sectors over whether people affected by automated decisions have a right to an explanation. Some governments have begun publishing registers of the algorithms used by their own agencies, as described in <a href="/articles/a-public-register-for-government-algorithms">a recent report on one province’s approach</a>, but private platforms generally face no such requirement.</p>

<h2>What comes next</h2>

<p>Selandra’s municipal labour office has invited both sides to a mediation session later this month. Its director, Hana Suryani, said the office had no power to set pay for independent contractors but could “ask for transparency and help both parties agree a process for disputes.” The collective is asking for three things: a published formula for base pay, payment for waiting time beyond five minutes, and at least two weeks’ notice of any change to rates.</p>

<p>Riders are also watching a draft national bill on platform work, which would require companies to explain the main factors behind pay and account deactivation decisions. It has been in committee since last year and no date has been set for a vote.</p>

<p>For Darmadi, the logging has already changed how he works. He now declines long trips across the harbour bridge at rush hour, which his records show rarely pay for the extra time. “Before, I trusted the screen,” he said. “Now I trust the notebook.”</p>`,
  },
  {
    slug: 'shade-becomes-public-health-policy',
    kicker: 'Heat',
    title: 'In a hotter city, shade is becoming public health policy',
    dek: 'Faced with longer heatwaves, the city of Pelaran is counting trees, canopies and covered walkways the way it once counted hospital beds.',
    authors: ['mei-lin-tan'],
    regions: ['asia-pacific'],
    themes: ['climate', 'health'],
    daysAgo: 3,
    hour: 9,
    image: {
      alt: 'Illustration: a row of broad trees casting long shadows over a pale, sunlit street',
      caption: 'A newly shaded market lane in Pelaran, where canopies went up this spring.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>When the temperature in Pelaran passed 38 degrees Celsius for the ninth consecutive day last May, the city’s emergency departments recorded their busiest fortnight on record. Heat exhaustion, dehydration and complications in older patients with heart and kidney conditions accounted for roughly one admission in seven. This year, city officials are trying something that sounds modest but that health planners increasingly take seriously: making sure people can find shade.</p>

<p>Under a programme approved by the city council in February, Pelaran will plant 48,000 street trees over five years, add canopies to 300 bus stops and build covered walkways linking its three busiest markets to the nearest transit stations. The plan is unusual less for its scale than for where it sits. It is run not by the parks department but by the municipal health office, which has been given a budget of about 62 million local currency units and a target measured in hospital admissions rather than hectares of green space.</p>

<p>“We used to treat trees as decoration,” said Dr Linh Pham, who leads the health office’s heat programme. “Now we treat them as infrastructure, like water pipes. If a street has no shade, the people who walk it every day, the vendors, the delivery riders, the children going to school, are the people who end up in our clinics.”</p>

<h2>Mapping the hottest streets</h2>

<p>The first step was a survey. Over two summers, volunteers from Pelaran’s technical college carried small sensors along 1,200 kilometres of streets, recording air and surface temperature every ten seconds. The resulting <a href="https://pelaran-health.example/heat-map-2026">heat map</a>, published by the city in March, shows differences of up to 7 degrees between tree-lined residential lanes and exposed arterial roads only a few hundred metres away.</p>

<p>Those gaps do not fall evenly. The hottest districts are mostly older, denser neighbourhoods with narrow pavements, little room for planting and a high share of residents over 65. Several are public housing estates, where sun-baked concrete roofs push heat into top-floor flats, a problem some cities are tackling through <a href="/articles/solar-panels-on-public-housing-roofs">rooftop solar schemes</a> that also shade the roof slab.</p>

<blockquote><p>“A tree takes ten years to give real shade. A canopy over a bus stop takes ten days. We need both, and we need to be honest about which one helps this summer.” — Quang Le, urban planner, Pelaran city council</p></blockquote>

<p>Because mature trees take years to grow, the programme leans heavily on quicker fixes in its first phase. Fabric canopies are going up over market lanes, and the city has opened 40 “cool rooms” in libraries, community halls and temple courtyards where residents can rest during the hottest hours. Staff at each site are trained to spot early signs of heatstroke.</p>

<h2>Measuring results</h2>

<p>Health officials say they will judge the scheme by heat-related emergency admissions, adjusted for the severity of each summer, and by a survey of 5,000 households asking how often residents change their routines because of heat. Early data from the first pilot district, where 2,600 trees were planted three years ago, suggest a fall of about 12 percent in heat-related ambulance calls compared with similar districts, though researchers caution that the sample is small.</p>

<p>Not everyone is convinced the money is best spent on shade. Some councillors argue that direct support, such as subsidies for fans or electricity bills during heatwaves, would reach vulnerable households faster. Shopkeepers on two arterial roads have objected to losing parking spaces to tree pits. The health office says it has adjusted plans on several streets and will publish a revised map of planting sites in June.</p>

<p>For residents like Trinh Mai, 71, who sells fruit from a cart near the central market, the change is already visible. A canopy went up over her corner in April. “Last year I went home at eleven because I felt dizzy,” she said. “This year I can stay until the afternoon.”</p>`,
  },
  {
    slug: 'rice-farmers-let-their-fields-dry',
    kicker: 'Water',
    title: 'Rice farmers let their fields dry out, and use less water doing it',
    dek: 'A practice known as alternate wetting and drying is spreading through one river delta, promising water savings and lower methane emissions if farmers can trust it.',
    authors: ['mei-lin-tan'],
    regions: ['asia-pacific'],
    themes: ['agriculture', 'climate'],
    dossier: 'water-under-pressure',
    daysAgo: 7,
    hour: 11,
    image: {
      alt: 'Illustration: green rice paddies in a patchwork, some shining with water, some cracked and dry',
      caption: 'Paddies in the Marapang delta at different stages of the wetting and drying cycle.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>For generations, farmers in the Marapang delta have kept their rice paddies flooded from transplanting until just before harvest. Standing water suppresses weeds, and a full field looks like a healthy one. So when Bui Van Tho left his two hectares to dry until cracks appeared in the mud last season, his neighbours assumed something had gone wrong with his pump.</p>

<p>It had not. Tho was one of 1,400 farmers enrolled in a three-year trial of a technique called alternate wetting and drying, in which fields are flooded, allowed to drain until the water table falls about 15 centimetres below the soil surface, and then flooded again. His harvest came in at 6.1 tonnes per hectare, almost exactly the same as the year before. His pumping bill fell by about a third.</p>

<h2>How the method works</h2>

<p>The technique is not new; agronomists have promoted versions of it for decades. What is changing is the pressure to adopt it. Upstream reservoirs have started the dry season below their long-term average in four of the last six years, and the provincial irrigation authority has begun rationing releases to the canals that feed the paddies. At the same time, flooded rice fields are a significant source of methane, because bacteria in waterlogged soil produce the gas when oxygen is scarce. Letting fields dry periodically interrupts that process.</p>

<p>The trial’s method is simple enough to explain on a single laminated card handed to each farmer:</p>

<ul>
<li>Sink a perforated plastic tube about 25 centimetres into the field.</li>
<li>After flooding, watch the water level inside the tube as the field drains.</li>
<li>Re-flood when the water drops 15 centimetres below the surface.</li>
<li>Keep the field flooded for a week around flowering, when the plant is most sensitive.</li>
</ul>

<p>Results published this month by the Marapang Irrigation Authority in its <a href="https://marapang-irrigation.example/awd-trial-2026">trial report</a> show average water savings of 27 percent across participating farms, with yields within 3 percent of conventionally flooded fields. Measurements at 60 sites suggested methane emissions fell by between 30 and 45 percent, though the authors note that measuring greenhouse gases from paddies is difficult and the estimates carry wide margins.</p>

<h2>Trust, pumps and timing</h2>

<p>The harder problem is not agronomy but coordination. Many paddies in the delta are irrigated in blocks, with one canal gate serving dozens of small plots. If one farmer wants to drain while a neighbour wants to flood, the method breaks down. The trial worked best, its authors found, where water user groups agreed a shared schedule.</p>

<p>“You cannot do this alone if your field is in the middle of the block,” said Dao Thi Hanh, who chairs a water user group of 85 households. “We had long meetings. Some of the older farmers did not believe the plants would survive. After the first harvest, the meetings were shorter.”</p>

<p>Weeds remain a concern. Without standing water, some plots needed an extra round of hand weeding, which cost farmers time or hired labour and ate into the savings on fuel. Researchers at the provincial agricultural college, led by agronomist Ramon Alcaraz, are testing whether a shorter first dry period can reduce the problem.</p>

<p>There is also the question of who benefits. Farmers who pump water from canals save money directly. Those who rely on gravity-fed irrigation, which is free at the point of use, see less gain. The authority is considering a small payment per hectare for blocks that adopt the method, possibly funded by selling carbon credits, an idea that several farmers said they did not yet understand well enough to support.</p>

<p>Similar water-saving efforts are under way in very different farming systems, from <a href="/articles/dryland-farmers-dig-for-every-drop">planting pits in West African drylands</a> to drip lines in desert orchards. What they share is a bet that small changes in practice, multiplied across thousands of farms, can stretch a shrinking supply.</p>

<p>The authority plans to extend the programme to 9,000 farms next season. Tho has volunteered to host demonstrations. “People only believe what they see in a field,” he said. “So I will let them look at mine.”</p>`,
  },
  {
    slug: 'solar-panels-on-public-housing-roofs',
    kicker: 'Energy',
    title: 'Public housing roofs become a city’s quiet power station',
    dek: 'Kembara’s housing agency has put solar panels on 210 apartment blocks, and tenants are now asking who should share in the savings.',
    authors: ['mei-lin-tan'],
    regions: ['asia-pacific'],
    themes: ['energy'],
    dossier: 'the-grid-rewired',
    daysAgo: 10,
    hour: 14,
    image: {
      alt: 'Illustration: rows of blue solar panels across the flat roofs of tall apartment blocks',
      caption: 'Solar arrays on the roofs of the Bayanor estate, one of eleven estates in the programme.',
      credit: 'Illustration: Ledger design desk',
    },
    body: `<p>From the street, the apartment towers of the Bayanor estate look like most public housing in Kembara: long open corridors, laundry drying on poles, a wet market on the ground floor. From the air, they look different. Over the past three years, the city’s housing agency has covered the roofs of 210 blocks across eleven estates with solar panels, building what is now the largest distributed solar installation in the city.</p>

<p>The panels have a combined capacity of about 58 megawatts and generated roughly 71 gigawatt-hours last year, according to figures in the agency’s <a href="https://kembara-housing.example/solar-programme-2026">annual programme report</a>. That is several times what the blocks use for lifts, corridor lights, water pumps and other common areas. The surplus is sold into the grid.</p>

<h2>Who gets the savings</h2>

<p>The agency says the scheme has cut its common-area electricity spending by about 40 percent, savings it has used to hold down the service charges that tenants pay for maintenance. But as the programme has grown, so has a question from residents: should the power from their roofs also lower their own household bills?</p>

<p>“The sun lands on our building, but the money goes to the agency,” said Faridah Osman, who heads the residents’ committee at Bayanor. “We are not against the panels. We just want to understand the arithmetic.”</p>

<p>The agency’s deputy director for estates, Kelvin Ong, said service charges in solar-equipped blocks had stayed flat for three years while those in other blocks rose by an average of 6 percent. “Tenants are already benefiting,” he said. “It is just less visible than a line on an electricity bill.”</p>

<p>A pilot that began in January tests a more direct approach. In four blocks, a portion of daytime generation is credited to individual flats through the utility’s billing system, reducing each household’s bill by a fixed amount each month, currently about 8 percent for a typical flat. Early results will be reviewed at the end of the year.</p>

<blockquote><p>“Rooftops on public housing are a resource that belongs, in a sense, to everyone who lives there. The design question is how you share it fairly between residents, the landlord and the grid.” — Siti Rahmah, energy policy researcher, Kembara Institute of Technology</p></blockquote>

<h2>Fitting panels to old roofs</h2>

<p>The engineering has not been straightforward. Many blocks were built in the 1970s and 1980s, with roofs crowded by water tanks, lift machinery and antennas. Contractors had to design lightweight mounting frames that did not puncture waterproofing, and about a fifth of the blocks surveyed were rejected because their roofs needed repairs first. The agency now bundles roof repairs with panel installation, which has raised costs but, officials say, extended the life of the buildings.</p>

<p>The panels have also had an unplanned effect. Residents on top floors report that their flats are noticeably cooler, because the panels shade the concrete roof slab. Measurements by the agency found ceiling temperatures in top-floor units were on average 3 degrees lower in the afternoon. In a region where heat is a growing health concern, as <a href="/articles/shade-becomes-public-health-policy">efforts to expand street shade in Pelaran</a> show, that side benefit has become part of the pitch.</p>

<p>For the grid operator, thousands of small rooftop systems bring their own complications. Solar output peaks at midday, when demand in residential areas is relatively low, and drops sharply just as families come home and turn on fans and cookers. The operator has asked the housing agency to study whether batteries in estate basements could store some of the midday surplus, an approach being tested at much larger scale elsewhere, including by <a href="/articles/batteries-take-the-winter-peak">grid operators in northern Europe</a>.</p>

<p>The agency plans to add panels to another 90 blocks by 2028, which would bring nearly every suitable public housing roof in the city into the programme. Whether the bill credit pilot is extended will shape how tenants feel about it. “If people see the benefit, they will protect the panels,” Osman said. “If they don’t, the panels are just something on the roof.”</p>`,
  },
  {
    slug: 'mountain-villages-build-their-own-hydro',
    kicker: 'Dispatch',
    title: 'Where the grid never arrived, mountain villages built their own hydro',
    dek: 'In the high valleys of the Tarun range, elected village committees run small hydropower plants, and are weighing what happens when the national grid finally comes.',
    authors: ['tomas-novak'],
    regions: ['asia-pacific'],
    themes: ['energy', 'governance'],
    dossier: 'the-grid-rewired',
    source: {
      slug: 'the-upland-observer',
      originalUrl: 'https://upland-observer.example/stories/mountain-villages-micro-hydro',
    },
    daysAgo: 6,
    hour: 8,
    image: {
      alt: 'Illustration: a small concrete powerhouse beside a white mountain stream below steep terraced slopes',
      caption: 'The powerhouse above Upper Tarvani, which supplies 160 homes, a mill and a workshop.',
      credit: 'Illustration: The Upland Observer',
    },
    body: `<p>The power station that serves the village of Upper Tarvani is a concrete hut the size of a garden shed, perched above a stream that tumbles out of a side valley at about 2,400 metres. Inside, a single turbine spins a generator rated at 45 kilowatts. It is enough to light 160 homes, run a grain mill and a welding workshop, and charge the phones of trekkers who pass through in the dry season. It is also, as residents are quick to point out, theirs.</p>

<p>Upper Tarvani is one of about 70 villages in the high valleys of the Tarun range that generate their own electricity from small run-of-river schemes, most of them built in the past fifteen years with a mix of grants, loans and labour contributed by residents. None is connected to the national grid, and the nearest transmission line ends two days’ walk down the valley. For these villages, the choice was never between micro-hydro and the grid. It was between micro-hydro and kerosene.</p>

<p>The Upland Observer spent a week in three of these villages this spring to understand how they run their power systems, and what happens when something breaks.</p>

<h2>A committee, a ledger and a tariff</h2>

<p>In each village, the scheme is owned and managed by an elected energy committee, usually of seven to nine members. In Upper Tarvani, the committee meets on the first day of each month in the school building. Its duties are written in a by-law that residents voted on when the plant opened:</p>

<ul>
<li>setting the monthly tariff, currently a flat fee per household plus a higher rate for businesses;</li>
<li>paying the plant’s two operators, who take turns living beside the powerhouse;</li>
<li>keeping a repair fund, which by rule must hold at least three months of running costs;</li>
<li>deciding who may connect new loads, such as a second mill or an electric cooker.</li>
</ul>

<p>“Everybody can see the ledger,” said Karma Yangzom, the committee treasurer, opening a hardback notebook with twelve years of entries in careful columns. “If the money goes missing, people will know by the next meeting.”</p>

<p>That transparency matters because the schemes are fragile. A survey of 64 village plants by the Highland Energy Fund, a charity that co-finances many of them, found that <a href="https://highland-energy-fund.example/micro-hydro-survey-2026">about one in five had been out of service</a> for more than a month in the past two years. The most common causes were flood damage to intakes, worn bearings and disputes over unpaid fees. Plants with an active committee and a repair fund were back online, on average, three times faster than those without.</p>

<h2>The limits of self-reliance</h2>

<p>Village power has its limits. Output falls in late winter, when streams run low and demand for light and heat is highest, forcing committees to ration electric cookers or cut the mill’s hours. A single turbine means a single point of failure. And skilled technicians are scarce: when the generator in the neighbouring village of Lower Chemar burned out two winters ago, it took eleven weeks to carry a replacement up the valley by porter.</p>

<p>The regional government has signalled that it wants to extend the grid into the valleys within the next decade. That prospect is welcome in some villages and unsettling in others. Committee members worry that a grid connection could leave their plants stranded, or that a distant utility would take over assets residents built with their own hands.</p>

<p>“We are not against the grid,” said Tenzin Rai, a schoolteacher who chairs the Upper Tarvani committee. “But when it comes, we want to sell our power into it, not be switched off.”</p>

<p>Energy officials say that is possible in principle. A draft regulation would allow community plants to connect and sell surplus electricity at a fixed rate, but it sets technical standards that most existing schemes would need costly upgrades to meet. The Highland Energy Fund estimates the average cost at about 18,000 US dollars per village, more than most committees have saved in a decade.</p>

<p>There are parallels with other places where communities built their own infrastructure when larger providers would not, such as <a href="/articles/rural-broadband-arrives-by-cooperative">an electricity cooperative now laying fibre to farms</a>. In each case, the question that follows success is the same: what happens to local control once the wider network finally arrives.</p>

<p>In Upper Tarvani, the committee has started setting aside a little more each month. “If the grid comes, we need to be ready to talk to it,” Rai said. “If it does not come, we need a new turbine anyway.”</p>`,
  },
  {
    slug: 'batteries-take-the-winter-peak',
    kicker: 'Analysis',
    title: 'Grid batteries step in for the winter evening peak',
    dek: 'A January cold snap gave large batteries on a northern European grid their hardest test yet, and they covered more of the evening peak than planners expected.',
    authors: ['jonas-berg'],
    regions: ['europe'],
    themes: ['energy'],
    dossier: 'the-grid-rewired',
    daysAgo: 2,
    hour: 6,
    image: {
      alt: 'Illustration: rows of white battery containers in a snowy field under a dark winter sky',
      caption: 'One of eleven grid-scale battery sites that supplied the Vestmark grid during January’s cold spell.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    newsletterPick: true,
    body: `<p>At 17:40 on a windless evening in January, with the temperature at minus 14 degrees and electric heaters running in hundreds of thousands of homes, demand on the Vestmark grid reached its highest level of the winter. In previous years, that moment would have been covered by two ageing gas-fired peaking plants and by imports over interconnectors from neighbouring systems. This time, for nearly two hours, the largest single source of flexible supply was a fleet of batteries.</p>

<p>According to the <a href="https://vestmark-grid.example/winter-review-2026">winter review</a> published this week by Vestmark Grid, the regional transmission operator, eleven grid-scale battery sites delivered up to 1,150 megawatts during that evening peak, about 14 percent of total demand. Over the full cold spell, which lasted nine days, batteries supplied an average of 9 percent of evening peak demand, charging overnight and around midday, when wind output was stronger and prices lower.</p>

<p>“Two years ago, if you had told me batteries would carry this much of a winter peak, I would have been sceptical,” said Ingrid Havnaas, head of system operations at Vestmark Grid. “Batteries were seen as a summer tool, for smoothing out solar. This winter showed they can do more.”</p>

<h2>Why winter is the hard test</h2>

<p>Winter evenings are the most demanding period for electricity systems in northern Europe. Solar output is close to zero, heating demand is high, and cold, still weather can coincide with low wind generation for days at a time. Grid planners have long assumed that batteries, which typically store two to four hours of output, could not help much during such extended lulls.</p>

<p>The January experience did not overturn that view, but it refined it. Batteries did not replace firm generation over the nine days; gas plants, hydropower reservoirs and imports still did most of the work. What the batteries did was shave the sharpest two or three hours off each evening, when prices spiked and the risk of a shortfall was highest. That allowed the operator to keep one of its older gas peakers on standby rather than running it, avoiding an estimated 4,200 tonnes of carbon dioxide.</p>

<p>Analysts identify three conditions that made it work:</p>

<ul>
<li>Enough wind overnight to charge batteries cheaply, even ahead of calm evenings.</li>
<li>A market rule, introduced last year, that pays batteries for being available at peak rather than only for the energy they deliver.</li>
<li>Improved forecasting, which let operators hold charge for the evening rather than selling it earlier in the day.</li>
</ul>

<h2>Costs and caution</h2>

<p>The capacity payments that brought batteries into the market are not free. Vestmark Grid estimates they added about 0.4 cents per kilowatt-hour to average household bills this year, a cost consumer groups have questioned. “We support flexibility, but households are paying for it up front and the savings are harder to see,” said Mikael Lund of the Vestmark Consumer Council.</p>

<p>Battery developers argue the payments will fall as more storage comes online and competition grows. Kaldera Storage, which operates four of the eleven sites, says its cost per megawatt-hour of capacity has fallen by about a third in four years. Its chief executive, Anneli Rask, said the next step is longer-duration systems that can cover six to eight hours. “Two hours shaves the peak,” she said. “Eight hours starts to cover the whole evening.”</p>

<p>Not everyone thinks batteries are the answer to every winter problem. Engineers at the regional university point out that a genuine week-long spell of dark, calm weather would still require other sources: hydropower, long-distance interconnectors, demand response from industry, or hydrogen-ready turbines that remain largely untested. The debate mirrors one in sunnier regions, where planners are weighing how to move <a href="/articles/desert-solar-looks-for-buyers">large volumes of desert solar</a> across borders to where it is needed.</p>

<p>Vestmark Grid plans to procure another 800 megawatts of storage before next winter and will publish a detailed analysis of the January cold spell in the spring. For now, Havnaas said, the main lesson is practical. “We planned for batteries to be a supporting actor,” she said. “For a few hours in January, they were closer to the lead.”</p>`,
  },
  {
    slug: 'a-steel-town-bets-on-a-new-furnace',
    kicker: 'Industry',
    title: 'A steel town bets its future on an electric furnace',
    dek: 'Brannfeld’s steelworks will shut its last blast furnace next year for an electric arc furnace, a switch that cuts emissions sharply and about 600 jobs.',
    authors: ['jonas-berg'],
    regions: ['europe'],
    themes: ['economy', 'energy'],
    daysAgo: 5,
    hour: 10,
    image: {
      alt: 'Illustration: an old blast furnace tower glowing orange beside a new grey industrial hall',
      caption: 'The Brannfeld works, where a new furnace hall is rising beside the century-old blast furnace.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>For 112 years, the glow of the blast furnace has been visible from almost anywhere in Brannfeld. Next autumn, if the company’s schedule holds, it will go dark for good. In its place, Brannfeld Stahlwerke, which employs about 3,100 people in a town of 41,000, is building an electric arc furnace that will melt scrap steel and iron pellets using electricity rather than coke.</p>

<p>The switch, costing an estimated 1.3 billion euros, is the largest industrial investment in the region in a generation. It is also a bet: that clean electricity will be affordable and plentiful enough, and that customers will pay more for low-carbon steel, to keep one of the continent’s older steelworks competitive.</p>

<p>“The old furnace is at the end of its life either way,” said Petra Wendel, the company’s chief operating officer. “Relining it would cost hundreds of millions and lock us into coal for another twenty years. We decided that money was better spent on the future.”</p>

<h2>Fewer emissions, fewer jobs</h2>

<p>According to the company’s <a href="https://brannfeld-steel.example/transition-plan">published transition plan</a>, the new furnace will cut direct carbon dioxide emissions at the site by about 70 percent, from roughly 4 million tonnes a year to 1.2 million. The remaining emissions come largely from the iron pellets, which are still made with natural gas elsewhere, and from reheating steel for rolling.</p>

<p>An electric furnace needs fewer people. The coke ovens, sinter plant and blast furnace, which together employ about 900 workers, will close. The company expects to create around 300 new roles in the arc furnace, scrap handling and electrical maintenance, leaving a net reduction of roughly 600 jobs over three years.</p>

<p>The metalworkers’ union negotiated an agreement in December that rules out compulsory redundancies until 2029. It relies on early retirement, a retraining programme and transfers to other sites. “No one in the furnace crews pretends the change is painless,” said Jürgen Maas, who chairs the works council. “But an agreement with guarantees is better than a plant that closes suddenly because it can no longer compete.”</p>

<blockquote><p>“My father worked the blast furnace, and so did his father. I will be the one who learns the electric furnace. It is strange, but it is still steel.” — Lena Hoff, 29, furnace operator, on a retraining course</p></blockquote>

<h2>The power question</h2>

<p>The new furnace will draw up to 180 megawatts at full capacity, roughly the demand of a city of 300,000 people. Securing that power at a predictable price was the most difficult part of the project, company executives say. Brannfeld Stahlwerke has signed a 15-year supply contract with a consortium of wind farm operators covering about 60 percent of its needs, and will buy the rest on the wholesale market.</p>

<p>That exposure worries some analysts. Electricity prices in the region have swung sharply in recent winters, and an arc furnace running through a cold, calm week could face steep costs. The company says it will shift melting to hours when power is cheapest, a flexibility that grid operators increasingly value as they integrate more wind and solar. Storage is part of the same picture: operators are leaning more heavily on <a href="/articles/batteries-take-the-winter-peak">grid batteries to cover winter peaks</a>, which could ease pressure on large industrial users.</p>

<p>Local businesses are watching closely. Around a quarter of the town’s shops, canteens and contractors depend on the works, directly or indirectly, according to an estimate by the Brannfeld chamber of commerce. Its president, Karl Reinholt, said the town had been through upheaval before, when its coal mines closed in the 1990s. “We learned then that waiting is the worst option,” he said. “At least this time there is a plan.”</p>

<p>The final blast furnace campaign is scheduled to end in October of next year. The company will hold an open day at the new furnace hall in the spring, and the town council is planning a small museum in the old blower house, so that the machinery that shaped Brannfeld for a century is not simply demolished.</p>`,
  },
  {
    slug: 'low-water-stalls-river-barges',
    kicker: 'Water',
    title: 'Low water on the Valder leaves river barges sailing half empty',
    dek: 'A dry summer has cut the depth of a major inland waterway, forcing barges to sail light and pushing freight onto already crowded roads and railways.',
    authors: ['jonas-berg'],
    regions: ['europe'],
    themes: ['climate', 'economy'],
    dossier: 'water-under-pressure',
    daysAgo: 9,
    hour: 13,
    image: {
      alt: 'Illustration: a long cargo barge riding high on a narrow river between exposed gravel banks',
      caption: 'A lightly loaded barge passes the gravel bars below Kessendorf on the middle Valder.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>At the gauge station in Kessendorf, the Valder river stood at 71 centimetres on Monday morning, its lowest reading for the time of year since records began in 1904. The figure does not measure the full depth of the river, but it is the number every barge skipper on the middle Valder watches, because it determines how much cargo can safely pass the shallow stretches downstream.</p>

<p>At current levels, a standard 110-metre barge that can carry around 3,000 tonnes when the river is full is loading barely 1,100 tonnes. Some operators have stopped sailing altogether on the shallowest section, a 60-kilometre run of gravel bars and bends between Kessendorf and Lindenhaven.</p>

<p>“We are sailing with one third of a load and paying the same crew, the same fuel, nearly the same for everything,” said Hendrik Vos, who runs a family barge company with four vessels. “You can do that for a few weeks. You cannot do it for a whole season.”</p>

<h2>Freight costs climb</h2>

<p>Because each barge carries less, more trips are needed for the same cargo, and operators add low-water surcharges to their rates. Figures from the Valder Waterways Authority in its <a href="https://valder-waterways.example/low-water-bulletin">weekly low-water bulletin</a> show freight rates for bulk cargo on the middle river have roughly tripled since early July. The river carries about 180 million tonnes of goods a year, including grain, chemicals, building materials and containers, and serves several large industrial sites that rely on it for raw materials.</p>

<p>Some of those sites have begun to feel it. A chemicals plant downstream of Lindenhaven said it had cut production at one unit by about 15 percent because deliveries of feedstock were running behind. Grain traders report that export shipments from inland silos are being delayed, and several fuel depots along the river have told customers to expect occasional shortages.</p>

<p>The effects spread well beyond the river. Shippers have switched some cargo to rail and road, but both networks have limited spare capacity. A single full barge replaces roughly 100 lorries, and the regional rail freight operator says its trains on parallel lines are already close to full. As with <a href="/articles/container-ships-take-the-long-way">container lines rerouting around disrupted sea lanes</a>, the result is higher costs that eventually reach consumers, even if the increase on any single product is small.</p>

<h2>A recurring problem</h2>

<p>Low water on the Valder is not new, but it has become more frequent. The authority counts four summers in the past eight years when the Kessendorf gauge fell below 80 centimetres for more than a month, compared with three in the previous thirty years. Hydrologists link the change to thinner snowpack in the mountains that feed the upper tributaries, earlier snowmelt and hotter, drier summers that increase evaporation.</p>

<p>“The river is not disappearing, but its behaviour is changing,” said Dr Marta Kowalczyk, a hydrologist at the Lindenhaven Institute for River Research. “Shipping was built around a river that was reliably navigable most of the year. Planners now have to assume long low-water periods are part of the normal pattern.”</p>

<p>Responses under discussion include:</p>

<ul>
<li>targeted dredging at the shallowest bars, which environmental groups oppose because of the impact on fish spawning grounds;</li>
<li>new flat-bottomed barges designed to carry more cargo at shallow depths, several of which are already in service;</li>
<li>larger storage at riverside industrial sites, so they can stock up when water is high;</li>
<li>better forecasting, so that shippers can plan loads weeks in advance.</li>
</ul>

<p>Disputes over water in dry years are playing out on rivers far from the Valder, including in <a href="/articles/a-court-weighs-water-in-a-dry-year">a court case over river allocations in North America</a>. On the Valder, the tension is less about withdrawals than about competing uses of the same channel: shipping, ecology and the towns along its banks.</p>

<p>Forecasters expect little relief before late September, when autumn rains typically arrive. Vos has tied up two of his barges and put their crews on shorter hours. “We have always lived with the river,” he said. “Now we have to learn a new version of it.”</p>`,
  },
  {
    slug: 'mobile-clinics-fill-rural-gaps',
    kicker: 'Field report',
    title: 'A clinic on wheels for the villages that lost their doctor',
    dek: 'After village surgeries closed across the Harzel uplands, a converted van now brings a nurse, a doctor and a pharmacy counter to twelve villages every week.',
    authors: ['tomas-novak'],
    regions: ['europe'],
    themes: ['health', 'governance'],
    source: {
      slug: 'the-upland-observer',
      originalUrl: 'https://upland-observer.example/stories/mobile-clinics-rural-gaps',
    },
    daysAgo: 12,
    hour: 16,
    image: {
      alt: 'Illustration: a white van with a blue stripe parked in a small village square below wooded hills',
      caption: 'The Harzel mobile clinic on its Tuesday stop behind the fire station in Obergrenz.',
      credit: 'Illustration: The Upland Observer',
    },
    body: `<p>Every Tuesday at half past eight, a white van with a blue stripe pulls into the car park behind the fire station in Obergrenz, a village of 640 people at the head of a long valley in the Harzel uplands. By nine, a queue has formed at its side door. Inside, in a space not much bigger than a kitchen, there is an examination couch, a small laboratory fridge, a locked drug cabinet and a folding desk where a nurse takes blood pressure and checks prescriptions.</p>

<p>The van is the Harzel district’s mobile clinic, and for Obergrenz and eleven other villages it has become the main point of contact with the health system since their local surgeries closed. The Upland Observer followed the van on its rounds over two weeks this spring.</p>

<h2>When the surgeries closed</h2>

<p>The closures came one by one over six years. Village doctors retired and no one applied to replace them; younger physicians preferred group practices in the district town of Waldrach, 35 kilometres away along a winding road. By the end, some older residents without cars faced a bus journey of more than two hours each way to renew a prescription.</p>

<p>The district council launched the mobile clinic as a pilot three years ago, with a single van and a budget of about 420,000 euros a year. It now runs two vans, five days a week, staffed by three nurses, a rotating pool of general practitioners from Waldrach and a driver who doubles as receptionist. Each village gets a visit at least once a week, and the busiest get two.</p>

<p>According to the district’s <a href="https://harzel-district.example/health/mobile-clinic-evaluation">evaluation report</a>, published in March, the vans handled just under 14,000 consultations last year. Most were routine: blood tests, check-ups for chronic conditions, vaccinations and wound care. But the report also found a 19 percent fall in unplanned hospital admissions among patients over 75 in the villages served, compared with the three years before the pilot.</p>

<blockquote><p>“Most of what a village doctor did was never complicated. It was seeing the same people regularly and noticing when something changed. The van is our way of getting that back.” — Annelie Brunner, lead nurse, Harzel mobile clinic</p></blockquote>

<h2>What a van cannot do</h2>

<p>Residents the Observer spoke to were mostly positive, but many described the clinic as a stopgap rather than a replacement. The van is only in each village for a few hours. Urgent problems outside those hours still mean a call to the regional out-of-hours service or a drive to Waldrach. Home visits for bed-bound patients are limited to a nurse’s afternoon round.</p>

<p>“It is very good for my blood pressure, and they know me now,” said Gerhard Eibl, 82, a retired forester, waiting his turn in Obergrenz. “But if I fall on a Thursday night, the van is not here.”</p>

<p>Staff also point to practical limits. In winter, snow on the upper roads has forced cancellations on 17 days over the past two years. The van’s connection to the district’s patient records relies on mobile data, which drops out in several valleys, so nurses download records in the morning and upload notes in the evening, a workaround that depends on careful discipline.</p>

<p>The district has looked to other rural areas for ideas. Some have linked small hospitals so that <a href="/articles/rural-hospitals-share-their-specialists">specialists can be shared by rota and video link</a>; others ask pharmacists to take on more routine care. Harzel is now testing video consultations from the van with specialists at the regional hospital, so that a patient with a skin complaint or a worrying heart rhythm can be seen without a day’s travel.</p>

<h2>Who pays</h2>

<p>The pilot’s funding runs out at the end of next year. The district council wants the regional health insurer to take on the cost permanently, arguing that fewer hospital admissions save more than the vans cost. The insurer has said it is reviewing the evaluation but has not committed. A decision is expected in the autumn.</p>

<p>For the villages, the uncertainty is familiar. “We have lost the school, the bank and the doctor,” said Obergrenz’s mayor, Rosa Lechner. “The van is the first thing in years that came back. We would like it to stay.”</p>`,
  },
  {
    slug: 'seasonal-workers-and-the-housing-squeeze',
    kicker: 'Migration',
    title: 'Seasonal workers find the harvest easier than a place to sleep',
    dek: 'Farms and hotels on the Kelmora coast depend on thousands of seasonal workers, but rising rents and holiday lets have left many without decent housing.',
    authors: ['jonas-berg'],
    regions: ['europe'],
    themes: ['migration', 'economy'],
    daysAgo: 14,
    hour: 12,
    image: {
      alt: 'Illustration: rows of strawberry fields meeting a line of small coastal houses under a pale sky',
      caption: 'Fields outside Saltrup, where 22 farms have jointly built a residence for seasonal workers.',
      credit: 'Illustration: Ledger design desk',
    },
    body: `<p>Every spring, around 18,000 seasonal workers arrive on the Kelmora coast to pick strawberries and asparagus, pack vegetables, clean hotel rooms and staff beach restaurants. Most come from elsewhere in the European Union or from neighbouring countries under seasonal work permits. The work is usually there. A place to stay is increasingly hard to find.</p>

<p>A survey by the regional labour office, based on interviews with 1,250 seasonal workers last summer, found that 41 percent were living in accommodation that did not meet basic standards for space, sanitation or fire safety. About one in eight had spent at least one night sleeping in a car, a tent or an unheated outbuilding. The <a href="https://kelmora-labour.example/seasonal-housing-survey">full survey</a> was published last month.</p>

<p>“The workers are not the problem, and neither are most employers,” said Elena Marinescu, who coordinates an advice centre for seasonal workers in the town of Brisvik. “The problem is that there are simply not enough beds at a price people earning the minimum wage can pay.”</p>

<h2>Why housing got tighter</h2>

<p>Several pressures have converged. Holiday rentals booked through online platforms have taken a growing share of the region’s housing, particularly in coastal towns. Local authorities estimate that about 12 percent of homes in Brisvik are now used mainly as short-term lets, up from 4 percent a decade ago. Landlords who once rented rooms to seasonal workers for the summer now earn more from tourists, often in the same months.</p>

<p>At the same time, older farm accommodation, such as converted barns and prefabricated units built in the 1990s, is reaching the end of its life. Stricter building rules mean many farms cannot refurbish or replace it without costly permits. Some have stopped providing housing altogether and now leave workers to find their own.</p>

<p>Rents have followed. The labour office found that seasonal workers paid a median of 380 euros a month for a bed, often in a shared room, equivalent to around a quarter of their net monthly pay. Those renting through informal intermediaries paid more, and were more likely to have the cost deducted directly from their wages.</p>

<h2>What is being tried</h2>

<p>Employers, municipalities and unions have begun experimenting with different fixes:</p>

<ul>
<li>A group of 22 farms near Saltrup has jointly built a 160-bed modular residence on municipal land, leased for 25 years at a nominal rent.</li>
<li>Brisvik has capped new short-term rental licences in its old town and requires all owners to register.</li>
<li>Several large hotels now include housing in job offers, using converted staff blocks.</li>
<li>The regional government offers grants of up to 40 percent of costs for farms that build accommodation meeting new standards.</li>
</ul>

<p>The shared residence at Saltrup has become a reference point. It opened last year with single and double rooms, shared kitchens and a laundry, at a rent of 260 euros a month. “We used to spend every spring fixing caravans,” said Hans-Peter Dahl, an asparagus grower who chairs the farms’ association. “Now we have one building, one manager, and fewer phone calls at midnight.”</p>

<p>Critics say such projects remain too small. The residence houses fewer than one in a hundred of the region’s seasonal workers, and the grant scheme has so far funded only 14 projects. Workers’ advocates also want stronger enforcement against overcrowded housing and illegal deductions from pay, which the labour office says it lacks the inspectors to pursue systematically.</p>

<p>The question matters beyond the season itself. For many workers, a summer’s earnings pay for school fees, medical bills or building work at home, the kind of flow that has <a href="/articles/remittances-rebuild-a-small-town">helped rebuild small towns in other regions</a>. High housing costs eat directly into it.</p>

<p>The regional assembly will debate a proposal in the autumn to require minimum housing standards in all seasonal work contracts. Marinescu says it would be a start. “People come here to work hard for a few months,” she said. “They should at least be able to sleep properly.”</p>`,
  },
  {
    slug: 'a-regional-library-scans-its-past',
    kicker: 'Culture',
    title: 'A regional library races to scan a century of fragile newspapers',
    dek: 'In Tambaroa, archivists and volunteers are digitising old newspapers and family letters before humidity and insects finish them off.',
    authors: ['mei-lin-tan'],
    regions: ['asia-pacific'],
    themes: ['culture', 'technology'],
    daysAgo: 16,
    hour: 18,
    image: {
      alt: 'Illustration: yellowed newspaper pages spread under a camera on a steel arm in a dim archive',
      caption: 'A 1931 newspaper volume being photographed in the basement of the Tambaroa Regional Library.',
      credit: 'Illustration: Meridian Ledger studio',
    },
    body: `<p>In a cool basement room of the Tambaroa Regional Library, a volunteer named Ana Liufau turns the pages of a 1931 edition of the <em>Tambaroa Herald</em> with a soft brush. The newsprint has gone the colour of tea and breaks at the folds. Above her, a camera on a steel arm takes a photograph every eight seconds. By the end of the morning she will have captured about 400 pages. The library holds roughly 1.6 million more.</p>

<p>The library began its digitisation project two years ago, after a survey found that a third of its newspaper collection was too brittle to be handled by readers. Humidity, silverfish and a roof leak in the 1990s had done damage that no amount of careful storage could reverse. The choice, said head archivist Miriama Tevita, was stark: “Scan it, or lose it.”</p>

<h2>From pages to searchable text</h2>

<p>The project combines old-fashioned care with newer technology. Pages are photographed at high resolution, then processed with optical character recognition software that turns the images into searchable text. For clean, modern print, accuracy is above 98 percent. For older papers, with faded ink, unusual typefaces and columns that bleed together, it can drop below 80 percent, meaning that searches miss many words.</p>

<p>To improve accuracy, the library has invited the public to correct the text online. More than 3,200 registered volunteers, many of them retirees and family historians, have corrected about 2.1 million lines since the <a href="https://tambaroa-library.example/digital-collection">digital collection</a> opened last year. The most active volunteer, a retired schoolteacher, has corrected more than 90,000 lines on her own.</p>

<p>The collection also includes material that was never printed. Families across the region have brought in letters, diaries, shop ledgers and photographs for scanning. Each item is returned to its owners, and a digital copy is kept with their permission. Some of the most-viewed items are letters written a century ago by labourers who left the islands for plantation and dock work, describing wages, weather and the ships that carried them.</p>

<blockquote><p>“Newspapers tell you what the editors thought was important. Letters tell you what people were actually worried about. We need both to understand our own history.” — Miriama Tevita, head archivist, Tambaroa Regional Library</p></blockquote>

<h2>Languages and gaps</h2>

<p>A significant part of the collection is in local languages, including several church newsletters and a weekly paper published in the 1950s and 1960s. Standard recognition tools perform poorly on these, because they have been trained mostly on large world languages. The library is working with a university linguistics department to train a model on corrected pages, and early tests have raised accuracy from around 60 percent to 85 percent.</p>

<p>That work connects to a wider effort to keep local languages in everyday use, one that broadcasters elsewhere have pursued through <a href="/articles/local-language-radio-finds-new-listeners">community radio in local languages</a>. “When an old newspaper in our language becomes searchable, a teacher can use it in class the next day,” said Sione Latu, a linguist working on the project.</p>

<p>The digitisation has raised questions, too. Some families have asked for items to be removed, or for access to be limited, because they contain private matters or references to people still living. Old newspapers include court reports and notices that named individuals in ways that would not be acceptable today. The library has adopted a policy allowing takedown requests and is reviewing about 200 of them.</p>

<p>Funding is another constraint. The project costs about 310,000 local dollars a year, most of it from a regional heritage grant that expires in 2027. At the current pace, scanning the full newspaper collection would take another nine years.</p>

<p>Back in the basement, Liufau finishes the 1931 volume and reaches for the next. She began volunteering after finding her grandfather’s name in a shipping notice online. “Someone scanned that page, and I found him,” she said. “Now I am scanning pages for someone else’s grandfather.”</p>`,
  },
];
