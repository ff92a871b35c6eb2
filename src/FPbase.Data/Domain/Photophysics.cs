namespace FPbase.Data.Domain;

/// <summary>FPbase's derived photophysical values.</summary>
public static class Photophysics
{
    /// <summary>
    /// <c>ext_coeff * qy / 1000</c> rounded to 2 decimals (FPbase's brightness), or null when either input is
    /// missing or zero (FPbase only computes it when both are truthy).
    /// </summary>
    public static double? Brightness(int? extCoeff, double? qy)
    {
        if (extCoeff is not { } ec || ec == 0 || qy is not { } q || q == 0)
        {
            return null;
        }

        // decimal arithmetic avoids binary artefacts like 33.539999 before rounding (Python rounds the exact double)
        var value = (decimal)ec * (decimal)q / 1000m;
        return (double)Math.Round(value, 2, MidpointRounding.ToEven);
    }
}
