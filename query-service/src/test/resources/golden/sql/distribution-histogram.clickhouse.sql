SELECT CASE WHEN `amount` >= toDecimal128('1000', 8) THEN 3 WHEN `amount` >= toDecimal128('100.5', 8) THEN 2 WHEN `amount` >= toDecimal128('0', 8) THEN 1 ELSE 0 END AS bucket, count(*) AS events, ifNull(uniqExact(user_id), 0) AS users
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `amount`, `vip`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND event_date >= toDate('2026-03-01') AND event_date <= toDate('2026-03-08') AND ((event IN ('Invest') AND ifNull((`vip` = 1), 0)) AND isNotNull(`amount`))) AS e
GROUP BY bucket;
