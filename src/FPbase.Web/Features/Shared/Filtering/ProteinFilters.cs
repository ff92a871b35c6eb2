using System.Linq.Expressions;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>
/// FPbase's <c>ProteinFilter</c> (backend/proteins/filters.py): the same parameter names, lookups and
/// meanings, for every protein list of the API. <c>name__icontains</c> matches names and aliases;
/// <c>seq__*</c> values are cleaned of spaces and line breaks; <c>spectral_brightness</c> is the default
/// state's brightness over the mean brightness of the other protein states whose emission maximum is
/// within 20 nm (1 when either is unknown).
/// </summary>
internal static class ProteinFilters
{
    private static readonly string[] Cofactors = ["br", "bv", "fl", "pc", "rl"];

    public static QueryFilterSet<Protein> Set { get; } = new(Build());

    private static IEnumerable<QueryFilter<Protein>> Build()
    {
        yield return new("name__icontains", FilterValueKind.Text, "Name or an alias contains the value (case-insensitive)", (q, v, _) =>
        {
            var needle = v.Trim().ToLowerInvariant();
            return q.Where(p => p.Name.ToLower().Contains(needle) || p.Aliases.Any(a => a.ToLower().Contains(needle)));
        });
        foreach (var f in Text("name", "Name", p => p.Name, "iendswith", "istartswith", "iexact"))
        {
            yield return f;
        }

        foreach (var f in Text("seq", "Sequence", p => p.Seq, "icontains", "iendswith", "istartswith"))
        {
            yield return f with { Apply = (q, v, db) => q.Where(TextLookups.Predicate<Protein>(p => p.Seq, f.Name[5..], CleanSequence(v))) };
        }

        yield return new("seq__cdna_contains", FilterValueKind.Text, "The sequence contains the in-frame translation of this cDNA", (q, v, _) =>
            q.Where(TextLookups.Predicate<Protein>(p => p.Seq, "icontains", CdnaTranslation.Translate(v))));

        string[] peakLookups = ["around", "range", "lte", "gte", "exact"];
        string[] valueLookups = ["gte", "lte", "range", "exact"];
        foreach (var f in Number("default_state__ex_max", "Excitation maximum (nm)", p => p.DefaultState!.ExMax, peakLookups)
            .Concat(Number("default_state__em_max", "Emission maximum (nm)", p => p.DefaultState!.EmMax, peakLookups))
            .Concat(Number("default_state__lifetime", "Lifetime (ns)", p => p.DefaultState!.Lifetime, valueLookups))
            .Concat(Number("default_state__maturation", "Maturation (min)", p => p.DefaultState!.Maturation, valueLookups))
            .Concat(Number("default_state__ext_coeff", "Extinction coefficient", p => p.DefaultState!.ExtCoeff, valueLookups))
            .Concat(Number("default_state__qy", "Quantum yield", p => p.DefaultState!.Qy, valueLookups))
            .Concat(Number("default_state__brightness", "Brightness", p => p.DefaultState!.Brightness, valueLookups))
            .Concat(Number("default_state__pka", "pKa", p => p.DefaultState!.Pka, valueLookups)))
        {
            yield return f;
        }

        foreach (var lookup in valueLookups)
        {
            yield return new(
                NameOf("default_state__bleach_measurements__rate", lookup),
                NumberLookups.KindOf(lookup),
                NumberLookups.Describe(lookup, "A photostability measurement of the default state (s)"),
                (q, v, _) =>
                {
                    var rate = NumberLookups.Predicate<BleachMeasurement>(b => b.Rate, lookup, v);
                    return q.Where(p => p.DefaultState != null && p.DefaultState.BleachMeasurements.AsQueryable().Any(rate));
                });
        }

        yield return Choice<Aggregation>("agg", "Oligomerization", (q, value) => q.Where(p => p.Agg == value));
        yield return new("uuid__iexact", FilterValueKind.Text, TextLookups.Describe("iexact", "FPbase ID"), (q, v, _) => q.Where(TextLookups.Predicate<Protein>(p => p.Uuid, "iexact", v.Trim())));
        yield return new("genbank__iexact", FilterValueKind.Text, TextLookups.Describe("iexact", "GenBank accession"), (q, v, _) => q.Where(TextLookups.Predicate<Protein>(p => p.Genbank, "iexact", v.Trim())));
        yield return new("pdb__contains", FilterValueKind.TextList, "Has all of these PDB IDs (comma-separated, case-sensitive)", (q, v, _) =>
        {
            foreach (var id in FilterValues.List(v))
            {
                q = q.Where(p => p.Pdb.Contains(id));
            }

            return q;
        });
        yield return new("uniprot__iexact", FilterValueKind.Text, TextLookups.Describe("iexact", "UniProtKB accession"), (q, v, _) => q.Where(TextLookups.Predicate<Protein>(p => p.Uniprot, "iexact", v.Trim())));
        yield return Choice<ProteinStatus>("status", "Status", (q, value) => q.Where(p => p.Status == value));
        yield return Choice<SwitchType>("switch_type", "Switching type", (q, value) => q.Where(p => p.SwitchType == value));
        yield return Choice<SwitchType>("switch_type__ne", "Switching type is not", (q, value) => q.Where(p => p.SwitchType != value));
        yield return new("cofactor", FilterValueKind.Choice, "Cofactor", (q, v, _) =>
        {
            var value = FilterValues.Choice(v, Cofactors);
            return q.Where(p => p.Cofactor == value);
        }, Cofactors);
        yield return new("cofactor__ne", FilterValueKind.Choice, "Cofactor is not", (q, v, _) =>
        {
            var value = FilterValues.Choice(v, Cofactors);
            return q.Where(p => p.Cofactor != value);
        }, Cofactors);
        yield return new("parent_organism", FilterValueKind.Integer, "Parental organism (NCBI taxonomy id)", (q, v, _) =>
        {
            int? id = FilterValues.Integer(v);
            return q.Where(p => p.ParentOrganismId == id);
        });
        yield return new("parent_organism__ne", FilterValueKind.Integer, "Parental organism is not (NCBI taxonomy id)", (q, v, _) =>
        {
            int? id = FilterValues.Integer(v);
            return q.Where(p => p.ParentOrganismId != id);
        });
        foreach (var f in Number("primary_reference__year", "Year of the primary reference", p => p.PrimaryReference!.Year, "gte", "gt", "lt", "lte", "range", "exact"))
        {
            yield return f;
        }

        yield return new("primary_reference__author__family__icontains", FilterValueKind.Text, "An author of the primary reference has a family name containing the value (case-insensitive)", (q, v, _) =>
        {
            var needle = v.Trim().ToLowerInvariant();
            return q.Where(p => p.PrimaryReference != null && p.PrimaryReference.ReferenceAuthors.Any(ra => ra.Author.FamilyName.ToLower().Contains(needle)));
        });
        yield return new("slug", FilterValueKind.Text, "Slug is exactly the value", (q, v, _) => q.Where(TextLookups.Predicate<Protein>(p => p.Slug, "exact", v.Trim())));
        yield return new("id", FilterValueKind.Integer, "Database id", (q, v, _) =>
        {
            var id = FilterValues.Integer(v);
            return q.Where(p => p.Id == id);
        });

        foreach (var (name, lookup) in new[] { ("spectral_brightness", "exact"), ("spectral_brightness__gt", "gt"), ("spectral_brightness__lt", "lt") })
        {
            yield return new(name, FilterValueKind.Number, NumberLookups.Describe(lookup, "Brightness relative to spectral neighbours (1 = average)"), (q, v, db) =>
                q.Where(NumberLookups.Predicate(SpectralBrightness(db), lookup, v)));
        }
    }

    /// <summary>
    /// FPbase's local_brightness of the default state, in SQL: its brightness over the mean brightness of
    /// the other protein states with an emission maximum within 20 nm, rounded to 4 places (scaled, since
    /// PostgreSQL rounds doubles only to integers); 1 when either
    /// is unknown (or the mean is 0). Proteins without a default state have none and match nothing.
    /// </summary>
    private static Expression<Func<Protein, double?>> SpectralBrightness(FpbaseDbContext db)
        => p => p.DefaultState == null
            ? null
            : p.DefaultState.EmMax == null || p.DefaultState.Brightness == null || p.DefaultState.Brightness == 0
                || (db.States.Where(s => s.Id != p.DefaultState.Id && s.EmMax > p.DefaultState.EmMax - 21 && s.EmMax < p.DefaultState.EmMax + 21)
                    .Average(s => s.Brightness) ?? 0) == 0
                ? 1
                : Math.Round(10000 * p.DefaultState.Brightness.Value / db.States
                    .Where(s => s.Id != p.DefaultState.Id && s.EmMax > p.DefaultState.EmMax - 21 && s.EmMax < p.DefaultState.EmMax + 21)
                    .Average(s => s.Brightness)!.Value) / 10000;

    private static string CleanSequence(string raw)
        => new(raw.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    private static string NameOf(string field, string lookup) => lookup == "exact" ? field : $"{field}__{lookup}";

    private static IEnumerable<QueryFilter<Protein>> Text(string field, string label, Expression<Func<Protein, string?>> selector, params string[] lookups)
        => lookups.Select(lookup => new QueryFilter<Protein>(
            NameOf(field, lookup), FilterValueKind.Text, TextLookups.Describe(lookup, label),
            (q, v, _) => q.Where(TextLookups.Predicate(selector, lookup, v.Trim()))));

    private static IEnumerable<QueryFilter<Protein>> Number(string field, string label, Expression<Func<Protein, int?>> selector, params string[] lookups)
        => Number(field, label, Expression.Lambda<Func<Protein, double?>>(Expression.Convert(selector.Body, typeof(double?)), selector.Parameters), lookups);

    private static IEnumerable<QueryFilter<Protein>> Number(string field, string label, Expression<Func<Protein, double?>> selector, params string[] lookups)
        => lookups.Select(lookup => new QueryFilter<Protein>(
            NameOf(field, lookup), NumberLookups.KindOf(lookup), NumberLookups.Describe(lookup, label),
            (q, v, _) => q.Where(NumberLookups.Predicate(selector, lookup, v))));

    private static QueryFilter<Protein> Choice<TEnum>(string name, string label, Func<IQueryable<Protein>, TEnum, IQueryable<Protein>> apply)
        where TEnum : struct, Enum
        => new(name, FilterValueKind.Choice, $"{label} (one of: {string.Join(", ", FpbaseCodes.Codes<TEnum>())})",
            (q, v, _) => apply(q, FilterValues.Choice<TEnum>(v)), FpbaseCodes.Codes<TEnum>());
}
