using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FPbase.Web.Features.Proteins.Api;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>
/// The JSON-LD a protein page carries for search engines, as FPbase's <c>_structured_data.html</c> emits it: a
/// schema.org <c>Dataset</c> with the default state's properties, the sequence and its weight, and the protein's CSV
/// and JSON downloads. Serialized with <see cref="JavaScriptEncoder.Default"/>, which writes <c>&lt;</c>, <c>&gt;</c>
/// and <c>&amp;</c> as <c>\u003C</c>..., so no value (a name with <c>&lt;/script&gt;</c>) can end the script element.
/// URLs are root-relative, resolved against the page (JSON-LD's base IRI): the page is one cached payload for every
/// host name it is asked under, so it cannot name the host.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The whole element, written as it is (the view's encoder would rewrite its <c>type</c>'s <c>+</c>).</summary>
    public static string Element(ProteinPage page)
        => "<script type=\"application/ld+json\" id=\"structured-data\">" + Of(page) + "</script>";

    public static string Of(ProteinPage page)
    {
        var p = page.Protein;
        var state = page.States.FirstOrDefault(s => s.Id == p.DefaultStateId);
        var slug = Uri.EscapeDataString(p.Slug);
        var measured = new JsonArray();
        if (state is not null)
        {
            measured.Add(Property("Excitation Maximum", state.ExMax, unitCode: "C45"));
            measured.Add(Property("Emission Maximum", state.EmMax, unitCode: "C45"));
            measured.Add(Property("Extinction Coefficient", state.ExtCoeff, "https://en.wikipedia.org/wiki/Molar_attenuation_coefficient", unitText: "M-1 cm-1"));
            measured.Add(Property("Quantum Yield", state.Qy, "https://en.wikipedia.org/wiki/Quantum_yield"));
            measured.Add(Property("Fluorescence Lifetime", state.Lifetime, "https://en.wikipedia.org/wiki/Fluorescence#Lifetime", unitText: "ns"));
            measured.Add(Property("Acid dissociation constant", state.Pka, "https://en.wikipedia.org/wiki/Acid_dissociation_constant", unitText: "pKA"));
        }

        if (!string.IsNullOrEmpty(p.Seq))
        {
            measured.Add(Property("Amino Acid Sequence", JsonValue.Create(p.Seq), "https://en.wikipedia.org/wiki/Protein_primary_structure"));
            measured.Add(Property("Molecular Weight", ProteinWeight.KiloDaltons(p.Seq) is { } kDa ? Math.Round(kDa, 1) : null, "https://en.wikipedia.org/wiki/Molecular_mass", unitText: "kDa"));
        }

        measured.Add(Property("Oligomerization", JsonValue.Create(Display.Of(p.Agg))));

        var dataset = new JsonObject
        {
            ["@context"] = "http://schema.org/",
            ["@type"] = "Dataset",
            ["name"] = p.Name,
            ["description"] = string.IsNullOrEmpty(p.Blurb) ? $"{p.Name}: a fluorescent protein in FPbase" : p.Blurb,
            ["url"] = $"/protein/{slug}/",
            ["identifier"] = p.Uuid,
            ["license"] = "https://creativecommons.org/licenses/by-sa/4.0/",
        };
        if (!page.Spectra.IsEmpty)
        {
            dataset["image"] = $"/spectra_img/{slug}.svg";
        }

        dataset["keywords"] = new JsonArray("FLUORESCENT PROTEIN", "FLUORESCENT PROTEINS > SPECTRA", "FLUORESCENT PROTEINS > PROPERTIES", "FLUORESCENT PROTEINS > SEQUENCE", "FLUORESCENCE");
        dataset["variableMeasured"] = measured;
        dataset["includedInDataCatalog"] = new JsonObject { ["@type"] = "DataCatalog", ["name"] = "FPbase" };
        dataset["distribution"] = new JsonArray(
            Download("JSON", $"/api/proteins/?slug={slug}&format=json"),
            Download("CSV", $"/api/proteins/?slug={slug}&format=csv"));
        return dataset.ToJsonString(Options);
    }

    private static JsonObject Property(string name, double? value, string? sameAs = null, string? unitCode = null, string? unitText = null)
        => Property(name, value is { } v ? JsonValue.Create(v) : null, sameAs, unitCode, unitText);

    private static JsonObject Property(string name, JsonNode? value, string? sameAs = null, string? unitCode = null, string? unitText = null)
    {
        var property = new JsonObject { ["@type"] = "PropertyValue" };
        if (sameAs is not null)
        {
            property["sameAs"] = sameAs;
        }

        property["name"] = name;
        property["value"] = value;
        if (unitCode is not null)
        {
            property["unitCode"] = unitCode;
        }

        if (unitText is not null)
        {
            property["unitText"] = unitText;
        }

        return property;
    }

    private static JsonObject Download(string format, string url)
        => new() { ["@type"] = "DataDownload", ["encodingFormat"] = format, ["contentUrl"] = url };
}
