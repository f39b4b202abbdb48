import Foundation

/// The wrk script of `bench redeem`. Each of wrk's threads takes its own share of the numbers,
/// read from a file; every tenth request sends again, under a new idempotency key, the number
/// sent five requests before — most often still being redeemed on another connection, so that
/// two redemptions of one voucher race. The answers are counted by status, and a number
/// receipted twice is a double spend; `done` prints the counts on one line the bench reads.
enum RedeemScript {
    static let marker = "redeem-bench"

    static func write(to file: String, numbersFile: String, places: [String], token: String, service: String, threads: Int) throws {
        let placeList = places.map { "\"\($0)\"" }.joined(separator: ", ")
        let lua = """
        local places = {\(placeList)}
        local counters = {}
        local threadCount = \(threads)

        function setup(thread)
          thread:set("id", #counters)
          table.insert(counters, thread)
        end

        function init(args)
          numbers = {}
          local n = 0
          for line in io.lines("\(numbersFile)") do
            if n % threadCount == id then table.insert(numbers, line) end
            n = n + 1
          end
          sent, fresh, history, receipted = 0, 0, {}, {}
          ok, already, other, doubles, exhausted = 0, 0, 0, 0, 0
          wrk.headers["Authorization"] = "Bearer \(token)"
          wrk.headers["Content-Type"] = "application/json"
        end

        function request()
          sent = sent + 1
          local number
          if sent % 10 == 0 and fresh > 5 then
            number = history[fresh - 5]
          elseif fresh < #numbers then
            fresh = fresh + 1
            number = numbers[fresh]
            history[fresh] = number
          else
            exhausted = 1
            number = numbers[(sent % #numbers) + 1]
          end
          wrk.headers["Idempotency-Key"] = id .. "-" .. sent
          local body = string.format('{"lieu":"%s","numero":"%s","service":"\(service)"}', places[(sent % #places) + 1], number)
          return wrk.format("POST", "/api/v1/pass/encaissements", nil, body)
        end

        function response(status, headers, body)
          if status == 201 then
            ok = ok + 1
            local number = string.match(body, '"numero":"([^"]+)"')
            if number and receipted[number] then doubles = doubles + 1 end
            if number then receipted[number] = true end
          elseif status == 409 and string.find(body, "voucher.already_used", 1, true) then
            already = already + 1
          else
            other = other + 1
            if other <= 3 then io.stderr:write(status .. " " .. body .. "\\n") end
          end
        end

        function done(summary, latency, requests)
          local t = {ok = 0, already = 0, other = 0, doubles = 0, exhausted = 0}
          for _, thread in ipairs(counters) do
            for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
          end
          io.write(string.format("\(marker) ok=%d already=%d other=%d doubles=%d exhausted=%d duration_us=%d\\n",
                                 t.ok, t.already, t.other, t.doubles, t.exhausted, summary.duration))
        end
        """
        try lua.write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// The baseline's script: the same token on every request.
    static func writeBaseline(to file: String, token: String) throws {
        try "wrk.headers[\"Authorization\"] = \"Bearer \(token)\"\n".write(toFile: file, atomically: true, encoding: .utf8)
    }

    struct Counts {
        var ok = 0, already = 0, other = 0, doubles = 0, exhausted = 0, durationMicroseconds = 0
    }

    /// The counts `done` printed.
    static func counts(in output: String) -> Counts? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(marker + " ") }) else { return nil }
        var values: [String: Int] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=")
            if parts.count == 2 { values[String(parts[0])] = Int(parts[1]) }
        }
        guard let ok = values["ok"], let already = values["already"], let other = values["other"], let doubles = values["doubles"],
              let exhausted = values["exhausted"], let duration = values["duration_us"] else { return nil }
        return Counts(ok: ok, already: already, other: other, doubles: doubles, exhausted: exhausted, durationMicroseconds: duration)
    }
}
