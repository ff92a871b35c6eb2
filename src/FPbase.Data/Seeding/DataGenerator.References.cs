using System.Globalization;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Organisms, and references with their authors.
internal sealed partial class DataGenerator
{
    private void GenerateOrganisms()
    {
        var target = _options.OrganismsOrDefault;
        var ids = _data.Organisms.Select(o => o.Id).ToHashSet();
        var names = _data.Organisms.Select(o => o.ScientificName).ToHashSet(StringComparer.Ordinal);
        var attempts = 0;
        while (_data.Organisms.Count < target && attempts++ < target * 50)
        {
            var genus = Pick(Genera);
            var species = Pick(Epithets);
            var name = $"{genus} {species}";
            if (!names.Add(name))
            {
                name = $"{genus} sp. {names.Count}";
                names.Add(name);
            }

            int id;
            do
            {
                id = _rng.Next(1_000_000, 3_000_000);
            }
            while (!ids.Add(id));

            var (created, modified) = Timestamps();
            _data.Organisms.Add(new Organism
            {
                Id = id,
                ScientificName = name,
                Genus = genus,
                Species = name[(genus.Length + 1)..],
                Division = Pick(Divisions),
                Rank = "species",
                CommonName = "",
                Created = created,
                Modified = modified,
            });
        }
    }

    private void GenerateReferences()
    {
        var target = _options.ReferencesOrDefault;
        _referenceIds.AddRange(_data.References.Select(r => r.Id));
        var toGenerate = Math.Max(0, target - _data.References.Count);
        if (toGenerate == 0)
        {
            return;
        }

        var referenceIds = new IdAllocator(_data.References.Select(r => r.Id));
        var authorIds = new IdAllocator(_data.Authors.Select(a => a.Id));
        var dois = _data.References.Select(r => r.Doi).ToHashSet(StringComparer.Ordinal);

        var poolSize = Math.Max(20, toGenerate * 3 / 5);
        var pool = new List<Author>(poolSize);
        for (var i = 0; i < poolSize; i++)
        {
            var given = Pick(GivenNames);
            var second = _rng.NextDouble() < 0.35 ? Pick(GivenNames) : null;
            var (created, modified) = Timestamps();
            pool.Add(new Author
            {
                Id = authorIds.Next(),
                FamilyName = Pick(FamilyNames),
                GivenName = second is null ? given : $"{given} {second[0]}.",
                Initials = second is null ? given[..1] : $"{given[0]}{second[0]}",
                Created = created,
                Modified = modified,
            });
        }

        _data.Authors.AddRange(pool);

        for (var i = 0; i < toGenerate; i++)
        {
            var year = 1992 + (int)(Math.Pow(_rng.NextDouble(), 0.6) * 33);
            var date = new DateOnly(year, _rng.Next(1, 13), _rng.Next(1, 29));
            string doi;
            do
            {
                doi = $"{Pick(DoiPrefixes)}/{JournalCode()}.{year}.{_rng.Next(1000, 99999)}";
            }
            while (!dois.Add(doi));

            var (created, modified) = Timestamps();
            var firstPage = _rng.Next(1, 12000);
            var reference = new Reference
            {
                Id = referenceIds.Next(),
                Doi = doi,
                Pmid = _rng.NextDouble() < 0.85 ? _rng.Next(8_000_000, 39_000_000).ToString(CultureInfo.InvariantCulture) : null,
                Title = $"{Pick(TitleAdjectives)} {Pick(TitleSubjects)} {Pick(TitleUses)}",
                Journal = Pick(Journals),
                Pages = $"{firstPage}-{firstPage + _rng.Next(3, 15)}",
                Volume = _rng.Next(1, 180).ToString(CultureInfo.InvariantCulture),
                Issue = _rng.Next(1, 25).ToString(CultureInfo.InvariantCulture),
                Date = date,
                Year = year,
                Created = created,
                Modified = modified,
            };

            var authorCount = _rng.NextDouble() switch
            {
                < 0.05 => 1,
                < 0.15 => 2,
                _ => _rng.Next(3, 12),
            };
            var chosen = new List<Author>(authorCount);
            while (chosen.Count < authorCount)
            {
                var a = pool[_rng.Next(pool.Count)];
                if (!chosen.Contains(a))
                {
                    chosen.Add(a);
                }
            }

            for (var order = 0; order < chosen.Count; order++)
            {
                _data.ReferenceAuthors.Add(new ReferenceAuthor { ReferenceId = reference.Id, Order = order, AuthorId = chosen[order].Id });
            }

            reference.UpdateCitation(chosen.Select(a => a.FamilyName).ToList());
            _data.References.Add(reference);
            _referenceIds.Add(reference.Id);
        }
    }

    private string JournalCode()
    {
        Span<char> chars = stackalloc char[_rng.Next(4, 8)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + _rng.Next(26));
        }

        return new string(chars);
    }
}
