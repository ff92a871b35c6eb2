using System.Globalization;
using System.Text.Json;
using FPbase.Data.Domain;
using FPbase.Data.Entities;

namespace FPbase.Data.Seeding;

/// <summary>
/// Maps the embedded FPbase 2018 Django fixture (<c>FPbase.Data.Seeding.fpbase-sample-2018.json</c>) onto this
/// model, keeping FPbase's primary keys. 2018 schema differences: spectra belong to <c>owner_state</c> and carry
/// their points in <c>data</c> (a JSON string of [wave, value] pairs on a 1 nm grid); filter bandcenters in the
/// dump are truncated (45 for 450), so they are re-parsed from the filter names, and product slugs are recomputed
/// with FPbase's current rule.
/// </summary>
internal static class SampleImporter
{
    public const string ResourceName = "FPbase.Data.Seeding.fpbase-sample-2018.json";

    public static SeedData Load()
    {
        using var stream = typeof(SampleImporter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var doc = JsonDocument.Parse(stream);
        return Map(doc.RootElement);
    }

    private static SeedData Map(JsonElement root)
    {
        var data = new SeedData();
        foreach (var record in root.EnumerateArray())
        {
            var model = record.GetProperty("model").GetString();
            var pk = record.GetProperty("pk");
            var f = record.GetProperty("fields");
            switch (model)
            {
                case "proteins.organism":
                    data.Organisms.Add(new Organism
                    {
                        Id = pk.GetInt32(),
                        ScientificName = Str(f, "scientific_name"),
                        CommonName = Str(f, "common_name"),
                        Division = Str(f, "division"),
                        Genus = Str(f, "genus"),
                        Species = Str(f, "species"),
                        Rank = Str(f, "rank"),
                        Created = Time(f, "created"),
                        Modified = Time(f, "modified"),
                    });
                    break;

                case "references.reference":
                    data.References.Add(new Reference
                    {
                        Id = pk.GetInt32(),
                        Doi = Str(f, "doi"),
                        Pmid = NullableStr(f, "pmid"),
                        Title = Str(f, "title"),
                        Journal = Str(f, "journal"),
                        Pages = Str(f, "pages"),
                        Volume = Str(f, "volume"),
                        Issue = Str(f, "issue"),
                        FirstAuthor = Str(f, "firstauthor"),
                        Citation = Str(f, "citation"),
                        Date = NullableStr(f, "date") is { } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null,
                        Year = NullableInt(f, "year"),
                        Summary = Str(f, "summary"),
                        Created = Time(f, "created"),
                        Modified = Time(f, "modified"),
                    });
                    break;

                case "proteins.protein":
                    MapProtein(data, pk.GetInt32(), f);
                    break;

                case "proteins.state":
                    data.States.Add(MapState(pk.GetInt32(), f));
                    break;

                case "proteins.spectrum":
                    data.Spectra.Add(MapSpectrum(pk.GetInt32(), f));
                    break;

                case "proteins.filter":
                {
                    var filter = new Filter
                    {
                        Id = pk.GetInt32(),
                        Manufacturer = Str(f, "manufacturer"),
                        Part = Str(f, "part"),
                        Url = Str(f, "url"),
                        Tavg = NullableDouble(f, "tavg"),
                        Aoi = NullableInt(f, "aoi"),
                        Created = Time(f, "created"),
                        Modified = Time(f, "modified"),
                    };
                    filter.ApplyName(Str(f, "name"));
                    data.Filters.Add(filter);
                    break;
                }

                case "proteins.light":
                    data.Lights.Add(ImportProduct<Light>(pk, f));
                    break;

                case "proteins.camera":
                    data.Cameras.Add(ImportProduct<Camera>(pk, f));
                    break;

                case "proteins.microscope":
                {
                    var id = pk.GetString()!;
                    data.Microscopes.Add(new Microscope
                    {
                        Id = id,
                        Name = Str(f, "name"),
                        Description = Str(f, "description"),
                        ExtraLasers = JsonSerializer.Deserialize<List<int>>(Str(f, "extra_lasers")) ?? [],
                        CfgMinWave = NullableInt(f, "cfg_min_wave") ?? 350,
                        CfgMaxWave = NullableInt(f, "cfg_max_wave") ?? 800,
                        CfgCalcEfficiency = f.GetProperty("cfg_calc_efficiency").GetBoolean(),
                        CfgFillArea = f.GetProperty("cfg_fill_area").GetBoolean(),
                        CfgEnablePanZoom = f.GetProperty("cfg_enable_pan_zoom").GetBoolean(),
                        Created = Time(f, "created"),
                        Modified = Time(f, "modified"),
                    });
                    foreach (var light in f.GetProperty("extra_lights").EnumerateArray())
                    {
                        data.MicroscopeExtraLights.Add((id, light.GetInt32()));
                    }

                    foreach (var camera in f.GetProperty("extra_cameras").EnumerateArray())
                    {
                        data.MicroscopeExtraCameras.Add((id, camera.GetInt32()));
                    }

                    break;
                }

                case "proteins.opticalconfig":
                    data.OpticalConfigs.Add(new OpticalConfig
                    {
                        Id = pk.GetInt32(),
                        Name = Str(f, "name"),
                        Description = Str(f, "description"),
                        Comments = Str(f, "comments"),
                        MicroscopeId = Str(f, "microscope"),
                        LightId = NullableInt(f, "light"),
                        CameraId = NullableInt(f, "camera"),
                        Laser = NullableInt(f, "laser"),
                        Created = Time(f, "created"),
                        Modified = Time(f, "modified"),
                    });
                    break;

                case "proteins.filterplacement":
                    data.FilterPlacements.Add(new FilterPlacement
                    {
                        Id = pk.GetInt32(),
                        FilterId = f.GetProperty("filter").GetInt32(),
                        ConfigId = f.GetProperty("config").GetInt32(),
                        Path = FpbaseCodes.Parse<FilterPath>(Str(f, "path")),
                        Reflects = f.GetProperty("reflects").GetBoolean(),
                    });
                    break;

                default:
                    throw new InvalidOperationException($"Unexpected model '{model}' in the FPbase sample.");
            }
        }

        // Owner names/slugs of states (denormalized) come from their proteins.
        var proteins = data.Proteins.ToDictionary(p => p.Id);
        foreach (var state in data.States.OfType<State>())
        {
            var protein = proteins[state.ProteinId];
            state.OwnerName = protein.Name;
            state.OwnerSlug = protein.Slug;
        }

        var categories = data.States.ToDictionary(s => s.Id, s => s is DyeState ? SpectrumCategory.Dye : SpectrumCategory.Protein);
        foreach (var spectrum in data.Spectra)
        {
            if (spectrum.OwnerFluorId is { } owner && categories.TryGetValue(owner, out var category))
            {
                spectrum.Category = category;
            }
        }

        return data;
    }

    private static void MapProtein(SeedData data, int id, JsonElement f)
    {
        var protein = new Protein
        {
            Id = id,
            Uuid = Str(f, "uuid"),
            Name = Str(f, "name"),
            Slug = Str(f, "slug"),
            BaseName = Str(f, "base_name"),
            Aliases = StringList(f, "aliases"),
            Chromophore = Str(f, "chromophore"),
            Seq = NullableStr(f, "seq"),
            Genbank = NullableStr(f, "genbank"),
            Uniprot = NullableStr(f, "uniprot"),
            IpgId = NullableStr(f, "ipg_id"),
            Pdb = StringList(f, "pdb"),
            Agg = FpbaseCodes.TryParse<Aggregation>(NullableStr(f, "agg"), out var agg) ? agg : null,
            SwitchType = FpbaseCodes.TryParse<SwitchType>(NullableStr(f, "switch_type"), out var sw) ? sw : null,
            Cofactor = Str(f, "cofactor"),
            Blurb = Str(f, "blurb"),
            Status = FpbaseCodes.Parse<ProteinStatus>(Str(f, "status")),
            ParentOrganismId = NullableInt(f, "parent_organism"),
            PrimaryReferenceId = NullableInt(f, "primary_reference"),
            Created = Time(f, "created"),
            Modified = Time(f, "modified"),
        };
        data.Proteins.Add(protein);
        if (NullableInt(f, "default_state") is { } defaultState)
        {
            data.DefaultStates[id] = defaultState;
        }

        foreach (var reference in f.GetProperty("references").EnumerateArray())
        {
            data.ProteinReferences.Add(new ProteinReference { ProteinId = id, ReferenceId = reference.GetInt32() });
        }
    }

    private static State MapState(int id, JsonElement f)
    {
        var state = new State
        {
            Id = id,
            ProteinId = f.GetProperty("protein").GetInt32(),
            Name = Str(f, "name"),
            Slug = Str(f, "slug"),
            IsDark = f.GetProperty("is_dark").GetBoolean(),
            ExMax = NullableInt(f, "ex_max"),
            EmMax = NullableInt(f, "em_max"),
            Brightness = NullableDouble(f, "brightness"),
            ExtCoeff = NullableInt(f, "ext_coeff"),
            Qy = NullableDouble(f, "qy"),
            Lifetime = NullableDouble(f, "lifetime"),
            Pka = NullableDouble(f, "pka"),
            Maturation = NullableDouble(f, "maturation"),
            TwopExMax = NullableInt(f, "twop_ex_max"),
            TwopPeakGM = NullableDouble(f, "twop_peakGM"),
            TwopQy = NullableDouble(f, "twop_qy"),
            Created = Time(f, "created"),
            Modified = Time(f, "modified"),
        };
        return state;
    }

    private static Spectrum MapSpectrum(int id, JsonElement f)
    {
        var points = JsonSerializer.Deserialize<double[][]>(Str(f, "data"))
            ?? throw new InvalidOperationException($"Spectrum {id} has no data.");
        var minWave = (int)Math.Round(points[0][0]);
        var values = new float[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            if ((int)Math.Round(points[i][0]) != minWave + i)
            {
                throw new InvalidOperationException($"Spectrum {id} is not on a 1 nm grid at index {i}.");
            }

            values[i] = (float)points[i][1];
        }

        var spectrum = new Spectrum
        {
            Id = id,
            Category = FpbaseCodes.Parse<SpectrumCategory>(Str(f, "category")),
            Subtype = FpbaseCodes.Parse<SpectrumSubtype>(Str(f, "subtype")),
            Status = FpbaseCodes.Parse<SpectrumStatus>(Str(f, "status")),
            Ph = NullableDouble(f, "ph"),
            Solvent = Str(f, "solvent"),
            Source = Str(f, "source"),
            OwnerFluorId = NullableInt(f, "owner_state") ?? NullableInt(f, "owner_dye"),
            OwnerFilterId = NullableInt(f, "owner_filter"),
            OwnerLightId = NullableInt(f, "owner_light"),
            OwnerCameraId = NullableInt(f, "owner_camera"),
            ReferenceId = NullableInt(f, "reference"),
            Created = Time(f, "created"),
            Modified = Time(f, "modified"),
        };
        spectrum.SetData(minWave, values);
        return spectrum;
    }

    /// <summary>A light or camera: FPbase's product fields, the slug by FPbase's current rule.</summary>
    private static T ImportProduct<T>(JsonElement pk, JsonElement f)
        where T : Product, new()
        => new()
        {
            Id = pk.GetInt32(),
            Name = Str(f, "name"),
            Slug = Slugify.ForProduct(Str(f, "name")),
            Manufacturer = Str(f, "manufacturer"),
            Part = Str(f, "part"),
            Url = Str(f, "url"),
            Created = Time(f, "created"),
            Modified = Time(f, "modified"),
        };

    private static string Str(JsonElement f, string name)
        => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? NullableStr(JsonElement f, string name)
        => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? NullableInt(JsonElement f, string name)
        => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static double? NullableDouble(JsonElement f, string name)
        => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static DateTime Time(JsonElement f, string name)
        => DateTime.Parse(Str(f, name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static List<string> StringList(JsonElement f, string name)
    {
        if (!f.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => JsonSerializer.Deserialize<List<string>>(v.GetString()!) ?? [],
            JsonValueKind.Array => v.EnumerateArray().Select(e => e.GetString() ?? "").ToList(),
            _ => [],
        };
    }
}
