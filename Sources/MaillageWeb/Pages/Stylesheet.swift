/// The site's only stylesheet, served from memory: no build step, no CDN.
enum Stylesheet {
    static let css = """
    *,*::before,*::after{box-sizing:border-box}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1e1e1e;background:#fff}
    a{color:#000091}
    a:focus,button:focus,input:focus,select:focus{outline:3px solid #0a76f6;outline-offset:2px}
    .skip{position:absolute;left:-999px}
    .skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
    header.site,footer.site{padding:1rem;background:#f5f5fe}
    header.site .brand{font-weight:700;font-size:1.5rem;text-decoration:none}
    .tagline{margin:.25rem 0 0}
    main{max-width:60rem;margin:0 auto;padding:1rem}
    h1{font-size:1.75rem;line-height:1.25}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd}
    td.count,th.count{text-align:right;font-variant-numeric:tabular-nums}
    dl.facts dt{font-weight:700;margin-top:.75rem}
    dl.facts dd{margin:0}
    ul.places{padding-left:1.2rem}
    .muted{color:#555}
    footer.site{font-size:.9rem;margin-top:2rem}
    @media (max-width:30rem){body{font-size:1rem}main{padding:.75rem}th,td{padding:.3rem}}
    """
}
