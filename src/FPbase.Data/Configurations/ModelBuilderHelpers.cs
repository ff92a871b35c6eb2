using System.Text;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FPbase.Data.Configurations;

internal static class ModelBuilderHelpers
{
    /// <summary>Stores an enum as its FPbase code string.</summary>
    public static PropertyBuilder<TEnum> HasCode<TEnum>(this PropertyBuilder<TEnum> property, int maxLength)
        where TEnum : struct, Enum
        => property.HasConversion(new ValueConverter<TEnum, string>(
                v => FpbaseCodes.ToCode(v),
                s => FpbaseCodes.Parse<TEnum>(s)))
            .HasMaxLength(maxLength);

    public static PropertyBuilder<TEnum?> HasCode<TEnum>(this PropertyBuilder<TEnum?> property, int maxLength)
        where TEnum : struct, Enum
        => property.HasConversion(new ValueConverter<TEnum, string>(
                v => FpbaseCodes.ToCode(v),
                s => FpbaseCodes.Parse<TEnum>(s)))
            .HasMaxLength(maxLength);

    /// <summary>SQL list literal of an enum's codes, for CHECK constraints: <c>'a', 'b'</c>.</summary>
    public static string SqlList<TEnum>(params TEnum[] values)
        where TEnum : struct, Enum
        => string.Join(", ", values.Select(v => $"'{v.ToCode()}'"));

    public static void ConfigureTimestamps<T>(this EntityTypeBuilder<T> builder)
        where T : class, ITimestamped
    {
        builder.Property(e => e.Created).IsRequired();
        builder.Property(e => e.Modified).IsRequired();
    }

    /// <summary>Makes <see cref="IRowVersioned.Version"/> the concurrency token of every entity that has one.</summary>
    public static void ConfigureRowVersions(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IRowVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IRowVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// Gives every column, key, foreign key and index a snake_case name (tables are named explicitly by the
    /// configurations). Explicitly configured column names are kept.
    /// </summary>
    public static void ApplySnakeCaseNames(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            var storeObject = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }

            foreach (var key in entity.GetDeclaredKeys())
            {
                key.SetName(key.IsPrimaryKey()
                    ? $"pk_{table}"
                    : $"ak_{table}_{string.Join("_", key.Properties.Select(p => p.GetColumnName(storeObject)))}");
            }

            foreach (var fk in entity.GetDeclaredForeignKeys())
            {
                var principalTable = fk.PrincipalEntityType.GetTableName() ?? ToSnakeCase(fk.PrincipalEntityType.ShortName());
                fk.SetConstraintName(
                    $"fk_{table}_{principalTable}_{string.Join("_", fk.Properties.Select(p => p.GetColumnName(storeObject)))}");
            }

            foreach (var index in entity.GetDeclaredIndexes())
            {
                if (index.Name is null)
                {
                    index.SetDatabaseName(
                        $"ix_{table}_{string.Join("_", index.Properties.Select(p => p.GetColumnName(storeObject)))}");
                }
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]);
                if (prevLowerOrDigit || nextLower)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>float[] ⇄ little-endian float32 bytes (bytea / BLOB).</summary>
internal static class SpectrumValuesConversion
{
    public static readonly ValueConverter<float[], byte[]> Converter = new(v => ToBytes(v), b => FromBytes(b));

    public static readonly ValueComparer<float[]> Comparer = new(
        (a, b) => AreEqual(a, b),
        v => Hash(v),
        v => v.ToArray());

    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return values;
    }

    private static bool AreEqual(float[]? a, float[]? b)
        => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static int Hash(float[] values)
    {
        var hash = new HashCode();
        hash.Add(values.Length);
        foreach (var v in values)
        {
            hash.Add(v);
        }

        return hash.ToHashCode();
    }
}
