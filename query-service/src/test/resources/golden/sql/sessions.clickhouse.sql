SELECT intDiv((start_ms + CASE WHEN start_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000) AS bucket, intDiv(((start_ms + CASE WHEN start_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) % 86400000), 3600000) AS start_hour, count(*) AS sessions, countIf(page_views = 1) AS bounces, sum(duration_ms) AS total_duration_ms, sum(page_views) AS total_page_views
FROM (SELECT user_id, session, min(time_ms) AS start_ms, max(time_ms) - min(time_ms) AS duration_ms, sum(is_pv) AS page_views
FROM (SELECT user_id, time_ms, is_pv, stored_page AS page, session, next_gap_ms
FROM (SELECT user_id, arraySort(x -> (x.1, x.2), groupArray((time_ms, insert_id, is_pv, page))) AS ordered, arrayMap(x -> x.1, ordered) AS times, arrayMap(x -> x.3, ordered) AS page_views, arrayMap(x -> x.4, ordered) AS pages, arrayCumSum(arrayMap(i -> if(i > 1 AND times[i] - times[i - 1] <= 1800000, 0, 1), arrayEnumerate(times))) AS sessions, arrayMap(i -> if(i < length(times), times[i + 1] - times[i], -1), arrayEnumerate(times)) AS next_gaps
FROM (SELECT user_id, time_ms, insert_id, if((event IN ('$pageview', '$AppViewScreen') AND (1 = 1)), 1, 0) AS is_pv, `$url` AS page
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `$url`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772859600000 AND time_ms < 1773115200000 AND event_date >= toDate('2026-03-07') AND event_date <= toDate('2026-03-10') AND ifNull((`$os` <> 'Web'), 0)) AS r) AS e
GROUP BY user_id) ARRAY JOIN times AS time_ms, page_views AS is_pv, pages AS stored_page, sessions AS session, next_gaps AS next_gap_ms) AS p
GROUP BY user_id, session) AS s
GROUP BY bucket, start_hour;
SELECT page, count(*) AS views, sum(next_gap_ms) AS dwell_ms
FROM (SELECT user_id, time_ms, is_pv, stored_page AS page, session, next_gap_ms
FROM (SELECT user_id, arraySort(x -> (x.1, x.2), groupArray((time_ms, insert_id, is_pv, page))) AS ordered, arrayMap(x -> x.1, ordered) AS times, arrayMap(x -> x.3, ordered) AS page_views, arrayMap(x -> x.4, ordered) AS pages, arrayCumSum(arrayMap(i -> if(i > 1 AND times[i] - times[i - 1] <= 1800000, 0, 1), arrayEnumerate(times))) AS sessions, arrayMap(i -> if(i < length(times), times[i + 1] - times[i], -1), arrayEnumerate(times)) AS next_gaps
FROM (SELECT user_id, time_ms, insert_id, if((event IN ('$pageview', '$AppViewScreen') AND (1 = 1)), 1, 0) AS is_pv, `$url` AS page
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `$url`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772859600000 AND time_ms < 1773115200000 AND event_date >= toDate('2026-03-07') AND event_date <= toDate('2026-03-10') AND ifNull((`$os` <> 'Web'), 0)) AS r) AS e
GROUP BY user_id) ARRAY JOIN times AS time_ms, page_views AS is_pv, pages AS stored_page, sessions AS session, next_gaps AS next_gap_ms) AS p
WHERE is_pv = 1 AND next_gap_ms >= 0 AND next_gap_ms <= 1800000
GROUP BY page;
