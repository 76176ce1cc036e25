SELECT g, cohort, count(*) AS users, countIf(has(returns, cohort + 0)) AS retained0, countIf(has(returns, cohort + 7)) AS retained1, countIf(has(returns, cohort + 14)) AS retained2
FROM (SELECT cohort, initial_groups[indexOf(initial_periods, cohort)] AS g, returns
FROM (SELECT arrayJoin(arrayDistinct(initial_periods)) AS cohort, initial_periods, initial_groups, returns
FROM (SELECT user_id, groupUniqArrayIf((intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000) - (intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000) + 3) % 7), ((event IN ('Invest') AND (1 = 1)) AND time_ms >= 1772427600000)) AS returns, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, (intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000) - (intDiv((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END), 86400000) + 3) % 7)), ((event IN ('View') AND ifNull((`$os` = 'iOS'), 0)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)))) AS initial_periods, arrayMap(p -> tupleElement(p, 3), arraySort(groupArrayIf(tuple(time_ms, insert_id, `$os`), ((event IN ('View') AND ifNull((`$os` = 'iOS'), 0)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)))) AS initial_groups
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772427600000 AND time_ms < 1774843200000 AND event_date >= toDate('2026-03-02') AND event_date <= toDate('2026-03-30') AND event IN ('Invest', 'View')) AS e
GROUP BY user_id
HAVING countIf(((event IN ('View') AND ifNull((`$os` = 'iOS'), 0)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)) > 0) AS u) AS c) AS r
GROUP BY g, cohort
