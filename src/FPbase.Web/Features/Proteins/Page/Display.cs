using System.Globalization;
using FPbase.Data.Entities;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>FPbase's display names of its codes, and the number formats of its pages (invariant culture, "—" for unknown).</summary>
public static class Display
{
    public const string Unknown = "—";

    public static string Of(Aggregation? agg) => agg switch
    {
        Aggregation.Monomer => "Monomer",
        Aggregation.Dimer => "Dimer",
        Aggregation.TandemDimer => "Tandem dimer",
        Aggregation.WeakDimer => "Weak dimer",
        Aggregation.Tetramer => "Tetramer",
        _ => Unknown,
    };

    public static string Of(SwitchType? type) => type switch
    {
        SwitchType.Basic => "Basic",
        SwitchType.Photoactivatable => "Photoactivatable",
        SwitchType.Photoswitchable => "Photoswitchable",
        SwitchType.Photoconvertible => "Photoconvertible",
        SwitchType.MultiPhotochromic => "Multi-photochromic",
        SwitchType.Other => "Multistate",
        SwitchType.Timer => "Timer",
        _ => Unknown,
    };

    public static string Of(BleachLight? light) => light switch
    {
        BleachLight.ArcLamp => "Arc-lamp",
        BleachLight.Laser => "Laser",
        BleachLight.Led => "LED",
        BleachLight.Other => "Other",
        _ => Unknown,
    };

    public static string Of(BleachModality? modality) => modality switch
    {
        BleachModality.Widefield => "Wide-field",
        BleachModality.PointScanningConfocal => "Point-scanning confocal",
        BleachModality.SpinningDiscConfocal => "Spinning-disc confocal",
        BleachModality.Spectrophotometer => "Spectrophotometer",
        BleachModality.Tirf => "TIRF",
        BleachModality.Other => "Other",
        _ => Unknown,
    };

    public static string Num(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Unknown;

    /// <summary>Extinction coefficients with thousands separators (55,900).</summary>
    public static string Ec(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Num(double? value, string format = "0.###") => value?.ToString(format, CultureInfo.InvariantCulture) ?? Unknown;
}
