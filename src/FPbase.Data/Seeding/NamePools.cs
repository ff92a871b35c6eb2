namespace FPbase.Data.Seeding;

/// <summary>Word lists for realistic-looking generated names.</summary>
internal static class NamePools
{
    /// <summary>Colour classes: (ex range, em range, base words).</summary>
    public static readonly (string Color, int ExLo, int ExHi, int StokesLo, int StokesHi, double Weight, string[] Words)[] Colors =
    [
        ("blue", 350, 405, 40, 75, 0.08, ["Sapphire", "Azurite", "Cobalt", "Indigo", "Blueberry", "Navy", "Cornflower", "Lapis", "Bluebell", "Delphinium"]),
        ("cyan", 425, 460, 25, 50, 0.10, ["Turquoise", "Cerulean", "Teal", "Aqua", "Lagoon", "Glacier", "Cyanine", "Tide", "Reef", "Marine"]),
        ("green", 470, 505, 10, 25, 0.28, ["Emerald", "Clover", "Wasabi", "Lime", "Jade", "Fern", "Moss", "Kelp", "Ivy", "Olive", "Gecko", "Sprout", "Meadow", "Basil", "Pistachio"]),
        ("yellow", 505, 520, 10, 20, 0.10, ["Citrine", "Topaz", "Venus", "Banana", "Lemon", "Honey", "Canary", "Sunflower", "Goldfinch", "Daffodil"]),
        ("orange", 530, 560, 12, 25, 0.11, ["Orange", "Tangerine", "Koji", "Apricot", "Saffron", "Marigold", "Ember", "Papaya", "Persimmon", "Kumquat"]),
        ("red", 555, 590, 15, 35, 0.18, ["Cherry", "Ruby", "Scarlet", "Garnet", "Kate", "Maroon", "Cardinal", "Crimson", "Rose", "Flame", "Strawberry", "Tomato", "Pomegranate"]),
        ("far-red", 590, 640, 20, 45, 0.10, ["Plum", "Raspberry", "Neptune", "Mulberry", "Wine", "Merlot", "Beet", "Sangria", "Claret"]),
        ("near-ir", 640, 700, 15, 30, 0.05, ["Infra", "Umbra", "Nightshade", "Obsidian", "Shadow", "Midnight", "Eclipse"]),
    ];

    public static readonly string[] BasicPrefixes = ["m", "m", "m", "m", "", "", "", "Tag", "td", "d", "sf", "Super", "Lumi", "Neo", "E", "Cy", "Mo"];

    public static readonly string[] Suffixes =
        ["", "", "", "", "2", "3", "1.2", "-I", "-II", "3.1", "XL", "-H", "2.0", "-S", "-Y", "-M", "-A206K", "-T203Y", "6", "-Q", "G", "-L", "1", "4", "5"];

    public static readonly string[] AminoAcids = ["A", "R", "N", "D", "C", "Q", "E", "G", "H", "I", "L", "K", "M", "F", "P", "S", "T", "W", "Y", "V"];

    public static readonly string[] Chromophores = ["TYG", "TYG", "TYG", "MYG", "QYG", "GYG", "SYG", "TWG", "TYA", "KYG", "CYG", "LYG"];

    public static readonly string[] Genera =
    [
        "Aequorea", "Discosoma", "Entacmaea", "Zoanthus", "Anemonia", "Clavularia", "Montipora", "Acropora", "Lobophyllia",
        "Galaxea", "Heteractis", "Dendronephthya", "Branchiostoma", "Renilla", "Ptilosarcus", "Echinophyllia", "Fungia",
        "Cerianthus", "Ricordea", "Condylactis", "Montastraea", "Actinia", "Pectinia", "Sarcophyton", "Verrillofungia",
        "Favia", "Goniopora", "Porites", "Stylophora", "Pocillopora", "Merulina", "Trachyphyllia", "Cyphastrea", "Obelia",
    ];

    public static readonly string[] Epithets =
    [
        "victoria", "striata", "quadricolor", "reniformis", "sulcata", "lanceolatum", "hemprichii", "fascicularis", "crispa",
        "gigantea", "cavernosa", "equina", "concinna", "florida", "millepora", "digitifera", "efflorescens", "capitata",
        "lobata", "pistillata", "damicornis", "geoffroyi", "glauca", "tenuis", "rubra", "viridis", "aurea", "marina",
    ];

    public static readonly string[] Divisions = ["hydrozoans", "sea anemones", "stony corals", "soft corals", "lancelets", "sea pens"];

    public static readonly string[] FamilyNames =
    [
        "Shaner", "Tsien", "Campbell", "Lukyanov", "Chudakov", "Miyawaki", "Ai", "Goedhart", "Gadella", "Davidson",
        "Patterson", "Lippincott-Schwartz", "Verkhusha", "Looger", "Schreiter", "Lavis", "Grimm", "Hell", "Jakobs",
        "Nienhaus", "Wiedenmann", "Remington", "Piston", "Ormo", "Heim", "Cubitt", "Zhang", "Wang", "Li", "Chen", "Liu",
        "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Kim", "Lee", "Park", "Choi", "Tanaka", "Suzuki",
        "Sato", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Müller", "Schmidt", "Schneider", "Fischer",
        "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
        "Petit", "Durand", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "White",
        "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
        "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Mitchell", "Carter",
        "Roberts", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Ivanov", "Petrov", "Sidorov",
        "Kuznetsov", "Popov", "Novak", "Kowalski", "Nowak", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser",
        "Lambert", "Waters", "Nagai", "Subach", "Piatkevich", "Shcherbakova", "Mishin", "Bindels", "Mastop",
    ];

    public static readonly string[] GivenNames =
    [
        "Nathan", "Roger", "Robert", "Konstantin", "Dmitriy", "Atsushi", "Hui-wang", "Joachim", "Theodorus", "Michael",
        "George", "Jennifer", "Vladislav", "Loren", "Eric", "Luke", "Jonathan", "Stefan", "Stefan", "Ulrich", "Jörg",
        "James", "David", "Mats", "Roger", "Andrew", "Wei", "Yan", "Jing", "Xiaowei", "Min", "Jae", "Hiroshi", "Yuki",
        "Anna", "Maria", "Laura", "Sophie", "Julia", "Elena", "Olga", "Irina", "Marta", "Claire", "Emma", "Alice",
        "Daniel", "Thomas", "Peter", "Paul", "Mark", "Kevin", "Sarah", "Rachel", "Emily", "Talley", "Kiryl", "Fedor",
    ];

    public static readonly string[] Journals =
    [
        "Nature Methods", "Nature Biotechnology", "Nature Communications", "Scientific Reports", "PLoS ONE",
        "Biophysical Journal", "Biochemistry", "Journal of the American Chemical Society", "ACS Chemical Biology",
        "Proceedings of the National Academy of Sciences", "Journal of Cell Biology", "eLife", "Cell", "Science",
        "Nature Chemical Biology", "Journal of Biological Chemistry", "Chemistry & Biology", "ChemBioChem",
        "Methods in Enzymology", "Journal of Molecular Biology", "Protein Science", "Molecular Biology of the Cell",
        "The Journal of Physical Chemistry B", "Angewandte Chemie International Edition", "Nature Chemistry",
    ];

    public static readonly string[] DoiPrefixes = ["10.1038", "10.1016", "10.1021", "10.1073", "10.1371", "10.7554", "10.1083", "10.1126", "10.1002", "10.1091"];

    public static readonly string[] TitleAdjectives =
        ["Bright", "Monomeric", "Photostable", "Fast-maturing", "Improved", "Engineered", "Red-shifted", "Photoswitchable", "Circularly permuted", "Long Stokes shift", "Acid-tolerant", "Ultra-bright"];

    public static readonly string[] TitleSubjects =
    [
        "fluorescent proteins", "green fluorescent protein variants", "red fluorescent proteins", "near-infrared fluorescent proteins",
        "genetically encoded calcium indicators", "fluorescent protein tags", "photoconvertible fluorescent proteins", "FRET pairs",
        "cyan fluorescent proteins", "yellow fluorescent proteins", "synthetic fluorophores", "self-labeling tags",
    ];

    public static readonly string[] TitleUses =
    [
        "for live-cell imaging", "for super-resolution microscopy", "for multicolor imaging", "for in vivo imaging",
        "for single-molecule localization microscopy", "in mammalian cells", "in plants", "for two-photon microscopy",
        "for flow cytometry", "for long-term time-lapse imaging", "for deep-tissue imaging", "in bacteria",
    ];

    public static readonly (string Family, string Manufacturer, string Url)[] DyeFamilies =
    [
        ("LumiDye", "Lumina Chemicals", "https://www.luminachem.example/dyes/"),
        ("NovaFluor", "Nova Reagents", "https://www.novareagents.example/products/"),
        ("Kestrel", "Kestrel Bio", "https://www.kestrelbio.example/fluorophores/"),
        ("BrightStar", "Stellar Probes", "https://www.stellarprobes.example/catalog/"),
        ("Photina", "Photina Labs", "https://www.photina.example/dyes/"),
        ("Celestra", "Celestra Scientific", "https://www.celestra.example/products/"),
        ("Vireo Fluor", "Vireo Biosciences", "https://www.vireobio.example/fluor/"),
        ("Halcyon", "Halcyon Dyes", "https://www.halcyondyes.example/"),
    ];

    public static readonly string[] DyeVariants = ["", "", "", " Plus", "X", " NHS ester", "-S", " Red", " Blue"];

    public static readonly (string Manufacturer, string[] Models, string Url)[] CameraModels =
    [
        ("Hamamatsu", ["ORCA-Flash4.0 V2", "ORCA-Fusion", "ORCA-Quest", "ImagEM X2", "ORCA-Lightning", "ORCA-Spark", "ORCA-Flash4.0 LT"], "https://www.hamamatsu.com/"),
        ("Andor", ["Zyla 4.2 Plus", "Zyla 5.5", "Sona 4.2B-11", "iXon Ultra 888", "iXon Life 897", "Neo 5.5", "Marana 4.2B-6"], "https://andor.oxinst.com/products/"),
        ("Photometrics", ["Prime 95B", "Prime BSI", "Prime BSI Express", "Kinetix", "Evolve 512", "CoolSNAP HQ2", "Iris 15"], "https://www.photometrics.com/products/"),
        ("PCO", ["pco.edge 4.2 bi", "pco.edge 5.5", "pco.panda 4.2", "pco.edge 10 bi"], "https://www.excelitas.com/product/"),
        ("Teledyne", ["Moment", "Retiga R6", "Retiga E7"], "https://www.teledynevisionsolutions.com/"),
        ("Basler", ["ace 2 a2A1920", "boost boA4096"], "https://www.baslerweb.com/"),
        ("FLIR", ["Blackfly S BFS-U3-51S5M", "Grasshopper3 GS3-U3-23S6M"], "https://www.flir.com/products/"),
    ];

    public static readonly string[] CameraVariants = ["", " (Camera Link)", " (USB 3.0)", " Rev. B", " Gen II", " (CoaXPress)"];

    public static readonly string[] CellTypes = ["HeLa", "U2OS", "HEK293", "COS-7", "NIH 3T3", "CHO", "E. coli", "S. cerevisiae", "MDCK", "RPE-1"];

    public static readonly string[] MicroscopeStands = ["Nikon Ti2", "Nikon Ti-E", "Zeiss Axio Observer 7", "Olympus IX83", "Leica DMi8", "Zeiss LSM 980", "Leica SP8", "Nikon A1R"];

    public static readonly string[] MicroscopeModalities = ["Spinning Disk", "Widefield", "Point Scanning Confocal", "TIRF", "Light Sheet", "Two-Photon", "SIM", "Epifluorescence"];

    public static readonly string[] Facilities = ["Imaging Core", "Light Microscopy Facility", "Bioimaging Center", "Cell Biology Lab", "Neuroimaging Suite", "Advanced Imaging Center", "Microscopy Lab"];

    /// <summary>Channels for optical configs: (name, excitation target, emission target).</summary>
    public static readonly (string Name, int Ex, int Em)[] Channels =
    [
        ("DAPI", 358, 461), ("CFP", 436, 480), ("GFP", 488, 509), ("YFP", 514, 540), ("mOrange", 548, 562),
        ("RFP", 561, 600), ("mCherry", 587, 610), ("Cy5", 640, 670), ("iRFP", 690, 713),
    ];

    public static readonly int[] LaserLines = [405, 445, 458, 488, 514, 532, 561, 594, 640, 685];

    public static readonly int[][] MultibandSets = [[405, 488, 561, 640], [405, 488, 561], [488, 561], [445, 515, 561], [405, 488, 594], [405, 488, 561, 647]];
}
