namespace FPbase.Data.Domain.Fret;

/// <summary>
/// FPbase's Förster list (<c>forster_list</c>): every ordered pair of listable proteins (monomeric, basic
/// switching, with an emission spectrum) where the acceptor's ex_max is above the donor's, the donor has a
/// non-zero QY and the acceptor an absorption (or excitation) spectrum, a non-zero EC and a QY; both have ex_max
/// and em_max (FPbase's loop drops a pair whose columns fail to compute). Sorted by R0, largest first, then by
/// names and slugs (a total order: same data, same bytes).
/// </summary>
/// <remarks>
/// FPbase's newest loop visits only acceptors after the donor in its query's order, which drops valid pairs
/// depending on that order; with the strict ex_max rule no pair can appear twice, so every ordered pair is visited
/// here, as FPbase's earlier loop did. The maths is <see cref="Forster"/>'s, on spans: each donor's λ⁴·D(λ)/ΣD
/// and each acceptor's A(λ) are written once into two shared buffers, and a pair is one dot product over the
/// wavelengths both cover, with no allocation per pair.
/// </remarks>
public static class ForsterList
{
    public static ForsterPair[] Compute(IReadOnlyList<FretFluor> fluors)
    {
        ArgumentNullException.ThrowIfNull(fluors);
        var donors = new List<Side>();
        var acceptors = new List<Side>();
        var donorLength = 0;
        var acceptorLength = 0;
        foreach (var fluor in fluors)
        {
            var p = fluor.Protein;
            if (!p.Listable || fluor.Emission is not { } emission || p.ExMax is null || p.EmMax is null)
            {
                continue;
            }

            if (p.Qy is { } qy && qy != 0)
            {
                donors.Add(new Side(p, emission, donorLength));
                donorLength += emission.Values.Length;
            }

            if (fluor.Absorption is { } absorption && p.ExtCoeff is { } ec && ec != 0 && p.Qy is not null)
            {
                acceptors.Add(new Side(p, absorption, acceptorLength));
                acceptorLength += absorption.Values.Length;
            }
        }

        // Acceptors by ex_max: a donor's partners are a suffix of this order.
        acceptors.Sort(static (x, y) => x.Protein.ExMax!.Value.CompareTo(y.Protein.ExMax!.Value));
        var weights = new double[donorLength];
        var areas = new double[donors.Count];
        for (var i = 0; i < donors.Count; i++)
        {
            var (_, spectrum, offset) = donors[i];
            var area = areas[i] = Forster.Sum(spectrum.Values);
            var target = weights.AsSpan(offset, spectrum.Values.Length);
            for (var k = 0; k < target.Length; k++)
            {
                double wave = spectrum.MinWave + k;
                var w2 = wave * wave;
                target[k] = area == 0 ? 0 : w2 * w2 * spectrum.Values[k] / area;
            }
        }

        var absorbance = new double[acceptorLength];
        var acceptorExMax = new int[acceptors.Count];
        for (var i = 0; i < acceptors.Count; i++)
        {
            var (protein, spectrum, offset) = acceptors[i];
            acceptorExMax[i] = protein.ExMax!.Value;
            var target = absorbance.AsSpan(offset, spectrum.Values.Length);
            for (var k = 0; k < target.Length; k++)
            {
                target[k] = spectrum.Values[k];
            }
        }

        // Each donor's partners are known before any maths: the result is allocated once, at its final size.
        var firsts = new int[donors.Count];
        var bound = 0L;
        for (var d = 0; d < donors.Count; d++)
        {
            firsts[d] = FirstAbove(acceptorExMax, donors[d].Protein.ExMax!.Value);
            bound += acceptors.Count - firsts[d];
        }

        var result = new ForsterPair[checked((int)bound)];
        var count = 0;
        for (var d = 0; d < donors.Count; d++)
        {
            var donor = donors[d];
            var first = firsts[d];
            for (var a = first; a < acceptors.Count; a++)
            {
                var acceptor = acceptors[a];
                var start = Math.Max(donor.Spectrum.MinWave, acceptor.Spectrum.MinWave);
                var end = Math.Min(donor.Spectrum.MaxWave, acceptor.Spectrum.MaxWave);
                double j;
                if (start > end)
                {
                    j = 0;
                }
                else if (areas[d] == 0)
                {
                    continue; // FPbase divides by zero and skips the pair
                }
                else
                {
                    var length = end - start + 1;
                    j = acceptor.Protein.ExtCoeff!.Value * Forster.Dot(
                        weights.AsSpan(donor.Offset + start - donor.Spectrum.MinWave, length),
                        absorbance.AsSpan(acceptor.Offset + start - acceptor.Spectrum.MinWave, length));
                }

                result[count++] = Forster.Row(donor.Protein, acceptor.Protein, j, Forster.Radius(donor.Protein.Qy!.Value, j));
            }
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        Array.Sort(result, Order);
        return result;
    }

    /// <summary>R0 largest first, then donor and acceptor by name, then by slug (unique).</summary>
    public static int Order(ForsterPair x, ForsterPair y)
    {
        var c = y.Forster.CompareTo(x.Forster);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Donor.Name, y.Donor.Name);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Acceptor.Name, y.Acceptor.Name);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Donor.Slug, y.Donor.Slug);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Acceptor.Slug, y.Acceptor.Slug);
    }

    /// <summary>The index of the first value above <paramref name="exMax"/> in an ascending array.</summary>
    private static int FirstAbove(int[] sorted, int exMax)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] > exMax)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private readonly record struct Side(FretProtein Protein, GridSpectrum Spectrum, int Offset);
}
