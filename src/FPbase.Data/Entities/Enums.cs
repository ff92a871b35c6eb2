namespace FPbase.Data.Entities;

// Enums stored as FPbase's code strings (see [Code] and FpbaseCodes).

public enum Aggregation
{
    [Code("m")] Monomer,
    [Code("d")] Dimer,
    [Code("td")] TandemDimer,
    [Code("wd")] WeakDimer,
    [Code("t")] Tetramer,
}

public enum SwitchType
{
    [Code("b")] Basic,
    [Code("pa")] Photoactivatable,
    [Code("ps")] Photoswitchable,
    [Code("pc")] Photoconvertible,
    [Code("mp")] MultiPhotochromic,
    [Code("o")] Other,
    [Code("t")] Timer,
}

public enum ProteinStatus
{
    [Code("pending")] Pending,
    [Code("approved")] Approved,
    [Code("hidden")] Hidden,
}

public enum SpectrumCategory
{
    [Code("p")] Protein,
    [Code("d")] Dye,
    [Code("f")] Filter,
    [Code("l")] Light,
    [Code("c")] Camera,
}

public enum SpectrumSubtype
{
    [Code("ex")] Excitation,
    [Code("ab")] Absorption,
    [Code("em")] Emission,
    [Code("2p")] TwoPhoton,
    [Code("bp")] Bandpass,
    [Code("bx")] BandpassExcitation,
    [Code("bm")] BandpassEmission,
    [Code("sp")] ShortPass,
    [Code("lp")] LongPass,
    [Code("bs")] Beamsplitter,
    [Code("qe")] QuantumEfficiency,
    [Code("pd")] PowerDistribution,
}

public enum SpectrumStatus
{
    [Code("approved")] Approved,
    [Code("pending")] Pending,
    [Code("rejected")] Rejected,
}

/// <summary>Where a filter sits in an optical config.</summary>
public enum FilterPath
{
    [Code("ex")] Excitation,
    [Code("em")] Emission,
    [Code("bs")] Beamsplitter,
}

public enum ExcerptStatus
{
    [Code("approved")] Approved,
    [Code("rejected")] Rejected,
    [Code("flagged")] Flagged,
}

public enum BleachLight
{
    [Code("a")] ArcLamp,
    [Code("la")] Laser,
    [Code("le")] Led,
    [Code("o")] Other,
}

public enum BleachModality
{
    [Code("wf")] Widefield,
    [Code("ps")] PointScanningConfocal,
    [Code("sd")] SpinningDiscConfocal,
    [Code("s")] Spectrophotometer,
    [Code("t")] Tirf,
    [Code("o")] Other,
}

/// <summary>FPbase code of an enum member (the value stored in the database and shown by FPbase's API).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
