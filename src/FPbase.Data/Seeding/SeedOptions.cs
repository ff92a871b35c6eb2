namespace FPbase.Data.Seeding;

/// <summary>
/// How the empty database is filled (configuration section <see cref="SectionName"/>). Counts are totals,
/// including the imported FPbase sample records. Counts left null are derived from <see cref="Proteins"/> and
/// <see cref="Spectra"/>, which gives the documented defaults at the default sizes and keeps small seeds small
/// (e.g. <c>new SeedOptions { Proteins = 30, Spectra = 150 }</c>).
/// </summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed at all when the database has no proteins.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Import the embedded FPbase 2018 sample (EGFP, mCherry, two example microscopes...).</summary>
    public bool ImportSample { get; set; } = true;

    /// <summary>Add generated records on top of the sample.</summary>
    public bool Generate { get; set; } = true;

    /// <summary>System.Random seed: same seed, same data.</summary>
    public int RandomSeed { get; set; } = 20180212;

    public int Proteins { get; set; } = 1500;

    /// <summary>Approved spectra of all kinds (fluorophores, filters, lights, cameras).</summary>
    public int Spectra { get; set; } = 10000;

    /// <summary>Extra pending spectra, as a fraction of <see cref="Spectra"/>.</summary>
    public double PendingSpectraFraction { get; set; } = 0.02;

    /// <summary>Default: Spectra / 10 (1000). Each filter has one spectrum.</summary>
    public int? Filters { get; set; }

    /// <summary>Default: Proteins / 7.5 (200).</summary>
    public int? Microscopes { get; set; }

    /// <summary>Default: 5 × Microscopes (1000).</summary>
    public int? OpticalConfigs { get; set; }

    /// <summary>Default: Proteins × 4 / 3 (2000).</summary>
    public int? References { get; set; }

    /// <summary>Default: Proteins × 0.4 (600). Raised automatically when the fluorophores cannot hold the
    /// requested number of spectra (at most one approved spectrum per state and subtype).</summary>
    public int? Dyes { get; set; }

    /// <summary>Default: Proteins / 25 (60). Each light has one spectrum.</summary>
    public int? Lights { get; set; }

    /// <summary>Default: Proteins / 30 (50). Each camera has one spectrum.</summary>
    public int? Cameras { get; set; }

    /// <summary>Default: Proteins / 15 (100).</summary>
    public int? Organisms { get; set; }

    /// <summary>Default: Proteins (1500).</summary>
    public int? Excerpts { get; set; }

    /// <summary>Rows per SaveChanges batch.</summary>
    public int BatchSize { get; set; } = 2000;

    internal int FiltersOrDefault => Filters ?? Spectra / 10;

    internal int MicroscopesOrDefault => Microscopes ?? (int)Math.Round(Proteins / 7.5);

    internal int OpticalConfigsOrDefault => OpticalConfigs ?? 5 * MicroscopesOrDefault;

    internal int ReferencesOrDefault => References ?? Proteins * 4 / 3;

    internal int DyesOrDefault => Dyes ?? (int)Math.Round(Proteins * 0.4);

    internal int LightsOrDefault => Lights ?? Proteins / 25;

    internal int CamerasOrDefault => Cameras ?? Proteins / 30;

    internal int OrganismsOrDefault => Organisms ?? Proteins / 15;

    internal int ExcerptsOrDefault => Excerpts ?? Proteins;
}
