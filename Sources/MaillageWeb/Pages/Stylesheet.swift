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
    header.site .bar{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem 1.5rem}
    header.site nav ul,footer.site nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
    header.site nav.account{margin-left:auto}
    header.site nav form{display:inline}
    button.link{background:none;color:#000091;padding:0;text-decoration:underline}
    .tagline{margin:.25rem 0 0}
    main{max-width:60rem;margin:0 auto;padding:1rem}
    h1{font-size:1.75rem;line-height:1.25}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd}
    td.count,th.count{text-align:right;font-variant-numeric:tabular-nums}
    td{overflow-wrap:anywhere}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
    .hint{margin:.1rem 0 .25rem;color:#555}
    .notice{border-left:4px solid #18753c;padding-left:.5rem}
    input[type=text],input[type=email],input[type=password],input[type=search],select{max-width:100%}
    dl.facts dt{font-weight:700;margin-top:.75rem}
    dl.facts dd{margin:0}
    ul.places{padding-left:1.2rem}
    .muted{color:#555}
    footer.site{font-size:.9rem;margin-top:2rem}
    form.search{background:#f6f6f6;padding:1rem;border-radius:.25rem;margin-bottom:1.5rem}
    form.search .where{display:flex;flex-wrap:wrap;gap:0 1rem}
    form.search .where .field:first-child{flex:1 1 14rem}
    .field{margin-bottom:.75rem;position:relative}
    .field label{display:block;font-weight:600}
    input[type=text],input[type=search],select{font:inherit;padding:.4rem .5rem;border:1px solid #666;border-radius:.2rem;max-width:100%}
    input[type=text],input[type=search]{width:100%}
    button{font:inherit;padding:.5rem 1rem;border:0;border-radius:.2rem;background:#000091;color:#fff;cursor:pointer}
    button.secondary{background:#fff;color:#000091;border:1px solid #000091;margin-top:.5rem}
    video.scan-video{display:block;width:100%;max-width:24rem;margin-top:.5rem}
    video.scan-video[hidden]{display:none}
    fieldset{border:1px solid #ccc;margin:0 0 .75rem;padding:.5rem .75rem}
    legend{font-weight:600}
    .choice{display:inline-block;margin:.15rem 1rem .15rem 0}
    .choice label{margin-left:.3rem}
    details{margin-bottom:.75rem}
    summary{cursor:pointer;font-weight:600;padding:.25rem 0}
    .error{color:#b60000;border-left:4px solid #b60000;padding-left:.5rem;margin:.25rem 0}
    .error p{margin:.25rem 0}
    [aria-invalid=true]{border-color:#b60000}
    ul.suggestions{position:absolute;z-index:1000;left:0;right:0;margin:0;padding:0;list-style:none;background:#fff;border:1px solid #666}
    ul.suggestions li{padding:.4rem .5rem;cursor:pointer}
    ul.suggestions li[aria-selected=true],ul.suggestions li:hover{background:#e3e3fd}
    ol.results{list-style:none;padding:0}
    li.result{border-bottom:1px solid #ddd;padding:.5rem 0}
    li.result h3{margin:.25rem 0;font-size:1.15rem}
    li.result p{margin:.2rem 0}
    .facts .distance{font-weight:600;margin-right:.75rem}
    .status.open{color:#18753c;font-weight:600}
    .map{height:22rem;margin:1rem 0}
    .map .leaflet-control-attribution a{text-decoration:underline}
    .communes{margin:.5rem 0 1rem}
    .communes p{margin:.25rem 0}
    ul.choices{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.25rem 0}
    nav.pages{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
    @media (max-width:30rem){body{font-size:1rem}main{padding:.75rem}th,td{padding:.3rem}}
    .badge{display:inline-block;background:#e3e3fd;color:#000091;font-weight:600;padding:.2rem .6rem;border-radius:.2rem}
    .chart{max-width:36rem;width:100%;height:auto}
    .chart text{font-size:12px}
    ol.booklet{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.5rem}
    li.voucher{border:2px dashed #666;padding:.75rem;break-inside:avoid}
    li.voucher svg{width:8rem;height:8rem;display:block}
    li.voucher .number{font-family:monospace;font-size:1.15rem;font-weight:700;letter-spacing:.05em}
    @media print{header.site,footer,.skip,.no-print,.flash{display:none}main{padding:0}
      @page{size:A4;margin:1cm}ol.booklet{grid-template-columns:1fr 1fr}li.voucher{border:1px dashed #000}}
    """
}
