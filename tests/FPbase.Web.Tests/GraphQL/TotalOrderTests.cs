using System.Text.Json.Nodes;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>
/// A cached list is one strong ETag per version: two builds of one version must give the same bytes, so every
/// list has a total order. Rows that tie on the visible order (two proteins of one name) come by id, even when
/// the database stores them the other way round (the first one updated after the second was inserted).
/// </summary>
public sealed class TotalOrderTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ProteinsOfOneNameComeByIdInTheProteinsListAndUnderTheirOrganism()
    {
        var name = "Twin " + Guid.NewGuid().ToString("N")[..8];
        var (first, second, organism) = await TwinProteinsAsync(name);

        var all = await _client.DataAsync("{ proteins { id name } }");
        Assert.Equal([first, second], Ids(all["proteins"]!, name));

        var under = await _client.DataAsync($"{{ organism(id: {organism}) {{ proteins {{ id name }} }} }}");
        Assert.Equal([first, second], Ids(under["organism"]!["proteins"]!, name));
    }

    [Fact]
    public async Task AMicroscopesExtraLightsAndCamerasComeById()
    {
        var (id, lights, cameras) = await site.App.WithDbAsync(async db =>
        {
            var microscope = await db.Microscopes.Include(m => m.ExtraLights).Include(m => m.ExtraCameras).OrderBy(m => m.Id).FirstAsync();
            var light = await db.Lights.OrderByDescending(l => l.Id).Take(2).ToListAsync();
            var camera = await db.Cameras.OrderByDescending(c => c.Id).Take(2).ToListAsync();
            Assert.Equal(2, light.Count);
            Assert.Equal(2, camera.Count);
            microscope.ExtraLights.Clear();
            microscope.ExtraCameras.Clear();
            await db.SaveChangesAsync();

            // Highest id first, one save each: the join rows are stored against id order.
            foreach (var (l, c) in light.Zip(camera))
            {
                microscope.ExtraLights.Add(l);
                microscope.ExtraCameras.Add(c);
                await db.SaveChangesAsync();
            }

            return (microscope.Id, light.Select(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList(),
                camera.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());
        });

        var data = await _client.DataAsync($"{{ microscope(id: \"{id}\") {{ extraLights {{ id }} extraCameras {{ id }} }} }}");
        Assert.Equal(lights.OrderBy(int.Parse), data["microscope"]!["extraLights"]!.AsArray().Select(l => l!["id"]!.ToString()));
        Assert.Equal(cameras.OrderBy(int.Parse), data["microscope"]!["extraCameras"]!.AsArray().Select(c => c!["id"]!.ToString()));
    }

    /// <summary>Two approved proteins of one name and one organism; the first is updated afterwards, so it is stored after the second.</summary>
    private Task<(string First, string Second, int Organism)> TwinProteinsAsync(string name)
        => site.App.WithDbAsync(async db =>
        {
            var organism = new Organism { ScientificName = name + " organism" };
            db.Organisms.Add(organism);
            var uuids = new List<string>();
            foreach (var suffix in new[] { "a", "b" })
            {
                var uuid = "T" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant().Replace('0', 'Z').Replace('1', 'Y');
                db.Proteins.Add(new Protein { Uuid = uuid, Name = name, Slug = (name + " " + suffix).ToLowerInvariant().Replace(' ', '-'), Status = ProteinStatus.Approved, ParentOrganism = organism });
                await db.SaveChangesAsync();
                uuids.Add(uuid);
            }

            var firstOne = await db.Proteins.SingleAsync(p => p.Uuid == uuids[0]);
            firstOne.Blurb = "updated after its twin was inserted";
            await db.SaveChangesAsync();
            return (uuids[0], uuids[1], organism.Id);
        });

    private static List<string> Ids(JsonNode list, string name)
        => list.AsArray().Where(p => p!["name"]!.ToString() == name).Select(p => p!["id"]!.ToString()).ToList();
}
