using FPbase.Caching.Interception;

namespace FPbase.Caching.Tests.Interception;

/// <summary>The table a set-based write hits, from the SQL the providers really emit.</summary>
public sealed class SqlWriteTargetTests
{
    public static TheoryData<string, string> Writes => new()
    {
        // EF Core 10 + Npgsql: ExecuteUpdate, ExecuteDelete, and a table in another schema.
        { "UPDATE \"Widgets\" AS w\nSET \"Name\" = @p\nWHERE w.\"Id\" >= 2", "Widgets" },
        { "DELETE FROM \"Widgets\" AS w\nWHERE w.\"Id\" = 1", "Widgets" },
        { "DELETE FROM inventory.\"Gadgets\" AS g\nWHERE g.\"WidgetId\" = 1", "Gadgets" },
        { "UPDATE inventory.\"Gadgets\" AS g\nSET \"Name\" = g.\"Name\" || 'b'\nWHERE g.\"Name\" = 'a'", "Gadgets" },

        // EF Core 10 + SQLite.
        { "UPDATE \"Widgets\" AS \"w\"\nSET \"Name\" = @p\nWHERE \"w\".\"Id\" >= 2", "Widgets" },
        { "DELETE FROM \"Gadgets\" AS \"g\"\nWHERE \"g\".\"WidgetId\" = 1", "Gadgets" },

        // Hand-written forms.
        { "update widgets set name = 'x'", "widgets" },
        { "UPDATE \"my schema\".\"My Table\" SET x = 1", "My Table" },
        { "UPDATE public.spectra SET x = 1;", "spectra" },
        { "  -- tagged by the caller\n  DELETE FROM \"Widgets\" WHERE \"Id\" = 3", "Widgets" },
        { "INSERT INTO \"Widgets\" (\"Id\", \"Name\") VALUES (9, 'nine')", "Widgets" },
        { "TRUNCATE \"Widgets\"", "Widgets" },
        { "TRUNCATE TABLE ONLY inventory.\"Gadgets\"", "Gadgets" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void TheTableOfOneWriteIsFoundUnquotedWithoutItsSchema(string sql, string table)
    {
        Assert.Equal(table, SqlWriteTarget.TableOf(sql));
        Assert.True(SqlWriteTarget.MayWrite(sql));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT \"updated_at\", \"deleted\" FROM \"Widgets\"")]
    [InlineData("select * from inserts")]
    public void ASelectIsNoWrite(string sql)
    {
        Assert.Null(SqlWriteTarget.TableOf(sql));
        Assert.False(SqlWriteTarget.MayWrite(sql));
    }

    [Theory]
    [InlineData("UPDATE \"Widgets\" SET \"Name\" = 'a'; UPDATE \"Gadgets\" SET \"Name\" = 'b'")]
    [InlineData("DELETE FROM a; DELETE FROM b;")]
    [InlineData("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved")]
    [InlineData("MERGE INTO \"Widgets\" USING src ON true WHEN MATCHED THEN DELETE")]
    [InlineData("ALTER TABLE \"Widgets\" ADD COLUMN x int")]
    public void AWriteThatIsNotOneSimpleStatementHasNoSingleTableButMayWrite(string sql)
    {
        Assert.Null(SqlWriteTarget.TableOf(sql));
        Assert.True(SqlWriteTarget.MayWrite(sql));
    }
}
