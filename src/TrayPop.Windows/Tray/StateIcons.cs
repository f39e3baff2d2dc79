using System.ComponentModel;
using System.Runtime.InteropServices;
using TrayPop.Core.Calls;
using TrayPop.Core.Connectivity;
using TrayPop.Dataverse.Connectivity;
using TrayPop.Windows.Tray;
using TrayPop.Windows.Interop;

namespace TrayPop.Windows.Tray;

/// <summary>
/// The tray's icons, one per <see cref="TrayIconKind"/>: a coloured disc drawn at start, so the
/// state reads at a glance without shipping .ico resources. Create and destroy on one thread.
/// </summary>
internal sealed unsafe class StateIcons : IDisposable
{
    private const int Size = 16;

    private readonly Dictionary<TrayIconKind, nint> icons = [];

    public nint this[TrayIconKind kind]
    {
        get
        {
            if (!icons.TryGetValue(kind, out var icon))
            {
                icon = Create(ColourOf(kind));
                icons[kind] = icon;
            }

            return icon;
        }
    }

    public void Dispose()
    {
        foreach (var icon in icons.Values)
        {
            User32.DestroyIcon(icon);
        }

        icons.Clear();
    }

    private static uint ColourOf(TrayIconKind kind) => kind switch
    {
        TrayIconKind.Ready => 0x2E9E44,
        TrayIconKind.Paused => 0x7A8794,
        TrayIconKind.Warning => 0xE0A000,
        TrayIconKind.Error => 0xD03030,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static nint Create(uint rgb)
    {
        // 1-bit AND mask, rows padded to 16 bits: 1 = transparent. 32-bit BGRA colour bits with alpha.
        const int maskStride = (Size + 15) / 16 * 2;
        var mask = new byte[maskStride * Size];
        var colour = new uint[Size * Size];
        var border = Darker(rgb);
        const double centre = (Size - 1) / 2.0;
        const double radius = Size / 2.0 - 0.5;

        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var distance = Math.Sqrt(((x - centre) * (x - centre)) + ((y - centre) * (y - centre)));
                if (distance > radius)
                {
                    mask[(y * maskStride) + (x / 8)] |= (byte)(0x80 >> (x % 8));
                }
                else
                {
                    colour[(y * Size) + x] = 0xFF000000 | (distance > radius - 1.5 ? border : rgb);
                }
            }
        }

        fixed (byte* andBits = mask)
        fixed (uint* xorBits = colour)
        {
            var icon = User32.CreateIcon(0, Size, Size, 1, 32, andBits, (byte*)xorBits);
            if (icon == 0)
            {
                // A missing state icon must not cost the agent the tray: fall back to the stock one.
                icon = User32.LoadIconW(0, User32.IDI_APPLICATION);
            }

            return icon != 0 ? icon : throw new Win32Exception(Marshal.GetLastPInvokeError(), "CreateIcon failed");
        }
    }

    private static uint Darker(uint rgb)
    {
        var r = ((rgb >> 16) & 0xFF) * 3 / 4;
        var g = ((rgb >> 8) & 0xFF) * 3 / 4;
        var b = (rgb & 0xFF) * 3 / 4;
        return (r << 16) | (g << 8) | b;
    }
}
