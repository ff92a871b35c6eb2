using System.Globalization;
using System.Text.RegularExpressions;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

/// <summary>
/// Deterministic data generator (one System.Random with <see cref="SeedOptions.RandomSeed"/>): appends generated
/// rows to <see cref="SeedData"/> (which may already hold the FPbase sample) until the totals of
/// <see cref="SeedOptions"/> are reached. Ids skip the ones already present.
/// </summary>
/// <remarks>
/// One class in partial files by concern, each step of <see cref="Run"/> in one of them. The order of the steps
/// and of the random draws in them is the seed: moving code between these files changes nothing, reordering
/// draws changes every row after it.
/// <list type="bullet">
/// <item><c>DataGenerator.cs</c> (this file): state, <see cref="Run"/>, the shared helpers (random picks, timestamps, ids).</item>
/// <item><c>DataGenerator.References.cs</c>: organisms, authors and references.</item>
/// <item><c>DataGenerator.Proteins.cs</c>: proteins, their states, transitions and sequences.</item>
/// <item><c>DataGenerator.Products.cs</c>: filters, lights and cameras, with their spectra.</item>
/// <item><c>DataGenerator.Spectra.cs</c>: dyes and their states, fluorophore spectra, and <c>AddSpectrum</c>, which every spectrum goes through.</item>
/// <item><c>DataGenerator.Microscopes.cs</c>: microscopes, optical configs and filter placements.</item>
/// <item><c>DataGenerator.LineageExcerptsMeasurements.cs</c>: lineage trees, excerpts, the ids of state transitions, bleach and OSER measurements.</item>
/// </list>
/// </remarks>
internal sealed partial class DataGenerator
{
    private static readonly DateTime Epoch = new(2018, 2, 12, 0, 0, 0, DateTimeKind.Utc);

    private readonly SeedOptions _options;
    private readonly SeedData _data;
    private readonly Random _rng;
    private readonly IdAllocator _spectrumIds;
    private readonly Dictionary<int, HashSet<SpectrumSubtype>> _approvedSubtypes = [];
    private readonly List<int> _referenceIds = [];
    private readonly List<Protein> _generatedProteins = [];
    private readonly List<string>? _templateSeqs;

    private DataGenerator(SeedOptions options, SeedData data)
    {
        _options = options;
        _data = data;
        _rng = new Random(options.RandomSeed);
        _spectrumIds = new IdAllocator(data.Spectra.Select(s => s.Id));
        foreach (var s in data.Spectra.Where(s => s.OwnerFluorId is not null && s.Status == SpectrumStatus.Approved))
        {
            ApprovedSubtypes(s.OwnerFluorId!.Value).Add(s.Subtype);
        }

        var seqs = data.Proteins.Where(p => !string.IsNullOrEmpty(p.Seq)).Select(p => p.Seq!).ToList();
        _templateSeqs = seqs.Count > 0 ? seqs : null;
    }

    public static void Generate(SeedOptions options, SeedData data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        new DataGenerator(options, data).Run();
    }

    private void Run()
    {
        GenerateOrganisms();
        GenerateReferences();
        GenerateProteins();
        GenerateProductsWithSpectra();
        GenerateDyesAndFluorSpectra();
        GenerateMicroscopes();
        GenerateLineages();
        GenerateExcerpts();
        GenerateMeasurements();
    }

    // ---------------------------------------------------------------- helpers

    private HashSet<SpectrumSubtype> ApprovedSubtypes(int stateId)
    {
        if (!_approvedSubtypes.TryGetValue(stateId, out var set))
        {
            set = [];
            _approvedSubtypes[stateId] = set;
        }

        return set;
    }

    private (string Color, int ExLo, int ExHi, int StokesLo, int StokesHi, double Weight, string[] Words) PickColor()
    {
        var x = _rng.NextDouble() * Colors.Sum(c => c.Weight);
        foreach (var c in Colors)
        {
            x -= c.Weight;
            if (x <= 0)
            {
                return c;
            }
        }

        return Colors[^1];
    }

    private (DateTime Created, DateTime Modified) Timestamps()
    {
        var created = Epoch.AddDays(_rng.Next(0, 2500)).AddSeconds(_rng.Next(0, 86400));
        return (created, created.AddDays(_rng.Next(0, 400)));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string UniqueCode(HashSet<string> used, Func<string> make)
    {
        string code;
        do
        {
            code = make();
        }
        while (!used.Add(code));

        return code;
    }

    private static int RoundTo(int value, int step) => (int)Math.Round(value / (double)step) * step;

    private static int[] ThreeDigitNumbers(string text)
        => ThreeDigits().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Where(v => v is >= 300 and <= 1100).ToArray();

    [GeneratedRegex(@"(?<!\d)\d{3,4}(?!\d)")]
    private static partial Regex ThreeDigits();

    /// <summary>Hands out increasing ids, skipping the ones already taken.</summary>
    private sealed class IdAllocator(IEnumerable<int> taken)
    {
        private readonly HashSet<int> _taken = taken.ToHashSet();
        private int _next = 1;

        public int Next()
        {
            while (_taken.Contains(_next))
            {
                _next++;
            }

            _taken.Add(_next);
            return _next++;
        }

        public int Peek()
        {
            var n = _next;
            while (_taken.Contains(n))
            {
                n++;
            }

            return n;
        }
    }
}
